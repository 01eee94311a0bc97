package dev.shabdam.gateway.jobs;

import dev.shabdam.gateway.problems.ApiProblem;
import dev.shabdam.gateway.storage.ObjectStore;
import dev.shabdam.schemas.StorageKeys;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Deletes the media of an ended job: its uploads, everything it wrote under its own name (outputs, the
 * work of its stages) and any other output it names, then marks its row ({@code media_deleted_at}), which
 * stays for analytics. A content-addressed synthesis cache object is left alone: it is the cache's, and
 * other requests are answered from it; the job's link to it answers 404 all the same. Storage first, the
 * mark after: a deletion cut short by storage is simply done again.
 */
@Service
class JobMedia {
    private final ObjectStore store;
    private final JobRepository repository;
    private final Clock clock = Clock.systemUTC();

    JobMedia(ObjectStore store, JobRepository repository) {
        this.store = store;
        this.repository = repository;
    }

    /** The job as it is once its media are gone; {@code job} must have ended. */
    JobRow delete(JobRow job) {
        try {
            store.deleteAll(StorageKeys.uploadsOf(job.tenantId(), job.jobId()));
            store.deleteAll(StorageKeys.workOf(job.jobId()));
            for (String key : job.outputs().values()) {
                if (!StorageKeys.isSynthesisCache(key)) {
                    store.delete(key);
                }
            }
        } catch (IOException e) {
            throw new ApiProblem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "storage_unavailable",
                    "The job's media could not be deleted; try again later.",
                    HttpHeaders.EMPTY,
                    e);
        }
        return repository
                .markMediaDeleted(job.jobId(), clock.instant().truncatedTo(ChronoUnit.MICROS))
                .orElse(job);
    }

    /** Deletes again what the pipeline may have written under these jobs' names after their media went. */
    void deleteLateWork(List<String> jobIds) {
        for (String jobId : jobIds) {
            try {
                store.deleteAll(StorageKeys.workOf(jobId));
            } catch (IOException e) {
                return; // storage is down: the next sweep looks at the same jobs again
            }
        }
    }
}
