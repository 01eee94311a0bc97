package dev.shabdam.schemas.jobs;

import java.util.Map;

/**
 * What the gateway found an uploaded media input to be, recorded with the job (parameters {@code media}
 * and {@code format}) for those who read the job tables; the pipeline probes the file itself.
 *
 * @param media  {@code audio} or {@code video}
 * @param format the extension of its container, e.g. {@code wav}, {@code mp4}
 */
public record InputFormat(String media, String format) {
    private static final String MEDIA = "media";
    private static final String FORMAT = "format";

    /** Adds this format to a job's parameters, each name after {@code prefix} (which names the input, if need be). */
    void addTo(Map<String, String> parameters, String prefix) {
        parameters.put(prefix + MEDIA, media);
        parameters.put(prefix + FORMAT, format);
    }

    /** The format recorded under {@code prefix}, or null when the job's parameters record none. */
    static InputFormat from(Map<String, String> parameters, String prefix) {
        String media = parameters.get(prefix + MEDIA);
        String format = parameters.get(prefix + FORMAT);
        return media == null && format == null ? null : new InputFormat(media, format);
    }
}
