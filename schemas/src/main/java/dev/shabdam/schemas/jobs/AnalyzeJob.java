package dev.shabdam.schemas.jobs;

import dev.shabdam.schemas.JobType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An ANALYZE job: one recording ({@link #MEDIA}), judged against a loudness target.
 *
 * @param target  the loudness the recording should have; null for {@link LoudnessTarget#PODCAST}
 * @param cloning whether the recording is meant as a voice-cloning sample ({@code purpose=cloning});
 *                null for no
 * @param upload  what the gateway found the upload to be; null when not recorded
 */
public record AnalyzeJob(LoudnessTarget target, Boolean cloning, InputFormat upload) implements JobRequest {
    /** The recording to analyse. */
    public static final String MEDIA = "file";

    private static final String TARGET = "target";
    private static final String PURPOSE = "purpose";
    private static final String CLONING = "cloning";

    public AnalyzeJob {
        target = target == null ? LoudnessTarget.PODCAST : target;
        cloning = Boolean.TRUE.equals(cloning);
    }

    @Override
    public JobType type() {
        return JobType.ANALYZE;
    }

    /** The parameters; the defaults go unsaid, as the API has always sent them. */
    @Override
    public Map<String, String> toParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (upload != null) {
            upload.addTo(parameters, "");
        }
        if (target != LoudnessTarget.PODCAST) {
            parameters.put(TARGET, target.wireName());
        }
        if (cloning) {
            parameters.put(PURPOSE, CLONING);
        }
        return parameters;
    }

    /** Any purpose but {@code cloning} is a general analysis. */
    public static AnalyzeJob fromParameters(Map<String, String> parameters) {
        String target = parameters.get(TARGET);
        return new AnalyzeJob(
                target == null ? null : LoudnessTarget.fromName(target),
                CLONING.equals(parameters.get(PURPOSE)),
                InputFormat.from(parameters, ""));
    }

    /** The inputs of an analysis of {@code media} (a storage key, or a file to upload), by name. */
    public static <T> Map<String, T> inputs(T media) {
        return Map.of(MEDIA, media);
    }
}
