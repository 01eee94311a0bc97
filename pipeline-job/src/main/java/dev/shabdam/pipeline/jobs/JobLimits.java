package dev.shabdam.pipeline.jobs;

import java.io.Serializable;
import java.time.Duration;

/**
 * What one job may take of a TaskManager, so that one user's upload cannot take the service from
 * everyone else.
 *
 * @param maxMediaSeconds the longest media a job accepts, read from the probe before any decoding
 *                        ({@code media_too_long} beyond it); SHABDAM_MAX_MEDIA_SECONDS
 * @param jobTimeout      how long one job's work on one record may run before it ends {@code timeout}
 *                        ({@link JobDeadline}); SHABDAM_JOB_TIMEOUT_SECONDS
 */
public record JobLimits(double maxMediaSeconds, Duration jobTimeout) implements Serializable {
    /**
     * Four hours: a feature film with room to spare. Its work files on the task's disk are the local copy of
     * the upload plus about 1 GB (the 16 kHz speech track analysis spills: 3.8 MB a minute).
     */
    public static final double DEFAULT_MAX_MEDIA_SECONDS = 4 * 3600;
    /** Half an hour: a 4-hour dub's assembly takes minutes; anything slower is stuck, not busy. */
    public static final Duration DEFAULT_JOB_TIMEOUT = Duration.ofMinutes(30);

    public static final JobLimits DEFAULT = new JobLimits(DEFAULT_MAX_MEDIA_SECONDS, DEFAULT_JOB_TIMEOUT);

    public JobLimits {
        if (maxMediaSeconds <= 0 || jobTimeout.isNegative() || jobTimeout.isZero()) {
            throw new IllegalArgumentException("job limits must be positive: " + maxMediaSeconds + " s, " + jobTimeout);
        }
    }
}
