package dev.shabdam.gateway.jobs;

import dev.shabdam.gateway.GatewaySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    RetentionSweep(JobRepository repository, JobMedia media, GatewaySettings.Retention properties) {
        this.repository = repository;
        this.media = media;
        this.retention = Duration.ofDays(properties.days());
    }

    /**
     * Deletes the media of every job that ended before the retention period began, a batch at a time;
     * answers how many jobs lost their media. A job whose media cannot be deleted now (storage down) is
     * left for the next sweep. A period of 0 days keeps media forever.
     */
    @Scheduled(
            initialDelayString = GatewaySettings.RETENTION_FIRST_SWEEP_AFTER,
            fixedDelayString = GatewaySettings.RETENTION_SWEEP_EVERY)
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
}
