package dev.shabdam.pipeline.media;

import java.util.Locale;

/**
 * The media is longer than a job accepts (JobLimits' maxMediaSeconds): code {@code media_too_long}.
 * Thrown from the probe's duration before anything is decoded, and again by the decoder should the
 * header have lied about the duration.
 */
public final class MediaTooLongException extends MediaDecodeException {
    public MediaTooLongException(String reason) {
        super(reason);
    }

    /** Refuses a probed duration above the limit, saying how long the media is and what the limit is. */
    public static void requireWithin(Double durationSec, double maxSeconds) throws MediaTooLongException {
        if (durationSec != null && durationSec > maxSeconds) {
            throw new MediaTooLongException("the media lasts " + clock(durationSec) + ", longer than the "
                    + clock(maxSeconds) + " a job accepts");
        }
    }

    /** {@code 3:02:05 (10925 s)}: what a person reads, and the exact number. */
    static String clock(double seconds) {
        long whole = (long) Math.floor(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d (%d s)", whole / 3600, whole / 60 % 60, whole % 60, whole);
    }
}
