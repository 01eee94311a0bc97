package dev.shabdam.schemas.jobs;

import dev.shabdam.schemas.JobType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DETECT_WATERMARK job: one recording ({@link #MEDIA}) searched for the watermark every GENERATE and DUB
 * output carries. Its result is {@code {"watermarked","confidence","jobId"?}}, the job id only when the mark
 * names a job of the same tenant.
 *
 * @param upload what the gateway found the upload to be; null when not recorded
 */
public record DetectWatermarkJob(InputFormat upload) implements JobRequest {
    /** The recording to search. */
    public static final String MEDIA = "file";

    @Override
    public JobType type() {
        return JobType.DETECT_WATERMARK;
    }

    @Override
    public Map<String, String> toParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (upload != null) {
            upload.addTo(parameters, "");
        }
        return parameters;
    }

    public static DetectWatermarkJob fromParameters(Map<String, String> parameters) {
        return new DetectWatermarkJob(InputFormat.from(parameters, ""));
    }

    /** The inputs of a detection in {@code media} (a storage key, or a file to upload), by name. */
    public static <T> Map<String, T> inputs(T media) {
        return Map.of(MEDIA, media);
    }
}
