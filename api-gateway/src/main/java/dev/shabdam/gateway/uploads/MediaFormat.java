package dev.shabdam.gateway.uploads;

import dev.shabdam.schemas.jobs.InputFormat;

/**
 * A container format recognised by its first bytes.
 *
 * @param extension the file extension the stored input gets
 * @param video     whether the container carries video (and so the video byte limit applies)
 */
public record MediaFormat(String extension, boolean video) {

    static MediaFormat audio(String extension) {
        return new MediaFormat(extension, false);
    }

    static MediaFormat video(String extension) {
        return new MediaFormat(extension, true);
    }

    /** This format as the job's parameters record it. */
    public InputFormat asInput() {
        return new InputFormat(video ? "video" : "audio", extension);
    }
}
