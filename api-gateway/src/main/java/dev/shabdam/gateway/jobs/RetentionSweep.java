package dev.shabdam.gateway.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Removes the media of jobs that ended longer ago than the retention period ({@code SHABDAM_RETENTION_DAYS}),
 * the same way as {@code DELETE /jobs/{id}} ({@link JobMedia}); the rows stay for analytics. Each gateway
 * sweeps on its own: two sweeping the same job delete the same keys, which is harmless.
 *
 * <p>It also deletes again the work of jobs whose media went within the last {@link #LATE_WRITES}: a job
 * cancelled and deleted at once may still have a line or a mix in progress in the pipeline, which writes it
 * after the deletion (for up to the pipeline's job timeout, 30 min); left alone, it would stay in storage for good.
 */
@Component
public class RetentionSweep {
    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);
    private static final int BATCH = 100;
    /** The pipeline's job timeout (30 min) and an hour between sweeps: a late write is there by the next sweep. */
    static final Duration LATE_WRITES = Duration.ofHours(2);

    private final JobRepository repository;
    private final JobMedia media;
    private final Duration retention;
    private final Clock clock = Clock.systemUTC();

    RetentionSweep(JobRepository repository, JobMedia media, RetentionProperties properties) {
        this.repository = repository;
        this.media = media;
        this.retention = Duration.ofDays(properties.days());
    }

    /**
     * Deletes the media of every job that ended before the retention period began, a batch at a time;
     * answers how many jobs lost their media. A job whose media cannot be deleted now (storage down) is
     * left for the next sweep. A period of 0 days keeps media forever.
     */
    // soon after start as well as hourly: a gateway restarted more often than hourly still sweeps
    @Scheduled(
            initialDelayString = "${shabdam.retention.first-sweep-after:1m}",
            fixedDelayString = "${shabdam.retention.sweep-every:1h}")
    public int sweep() {
        media.deleteLateWork(repository.mediaDeletedSince(clock.instant().minus(LATE_WRITES)));
        if (retention.isZero()) {
            return 0;
        }
        Instant endedBefore = clock.instant().minus(retention);
        int swept = 0;
        List<JobRow> batch;
        do {
            batch = repository.endedWithMediaBefore(endedBefore, BATCH);
            int before = swept;
            for (JobRow job : batch) {
                try {
                    media.delete(job);
                    swept++;
                } catch (RuntimeException e) {
                    log.warn(
                            "Could not delete the media of job {}; the next sweep tries again: {}",
                            job.jobId(),
                            e.toString());
                }
            }
            if (swept == before) {
                break; // nothing in this batch could be deleted: storage is down, the next sweep tries again
            }
        } while (batch.size() == BATCH);
        if (swept > 0) {
            log.info("Retention: deleted the media of {} jobs that ended before {}", swept, endedBefore);
        }
        return swept;
    }

    /**
     * @param days how long an ended job's uploads and outputs are kept; 0 keeps them forever. 30 by default: long
     *             enough to download a dub, review it and render it again; short enough that recordings of
     *             people's voices, which are personal data, are not kept for longer than the work needs.
     */
    @ConfigurationProperties("shabdam.retention")
    public record RetentionProperties(int days) {
        public RetentionProperties {
            if (days < 0) {
                throw new IllegalArgumentException(
                        "SHABDAM_RETENTION_DAYS must be 0 (keep forever) or more, not " + days);
            }
        }
    }
}
