package dev.shabdam.gateway.jobs;

import dev.shabdam.gateway.problems.NotFoundException;
import dev.shabdam.gateway.problems.UnavailableException;
import dev.shabdam.gateway.storage.ObjectStore;
import dev.shabdam.gateway.storage.StoredObject;
import dev.shabdam.schemas.StorageKeys;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The media of a job: its outputs as stored, for download; and, once it has ended, their deletion: its uploads, everything it wrote under its own name (outputs, the
 * work of its stages) and any other output it names, then marks its row ({@code media_deleted_at}), which
 * stays for analytics. A content-addressed synthesis cache object is left alone: it is the cache's, and
 * other requests are answered from it; the job's link to it answers 404 all the same. Storage first, the
 * mark after: a deletion cut short by storage is simply done again.
 */
@Service
public class JobMedia {
    private final ObjectStore store;
    private final JobRepository repository;
    private final Clock clock = Clock.systemUTC();

    JobMedia(ObjectStore store, JobRepository repository) {
        this.store = store;
        this.repository = repository;
    }

    /** Output {@code name} of {@code job} as stored; refused when the job has no such output (or no longer has it). */
    StoredObject output(JobRow job, String name) throws IOException {
        return StoredObject.find(store, job.availableOutputs().get(name))
                .orElseThrow(() -> new NotFoundException(
                        "output_not_found", "Job " + job.jobId() + " has no output " + name + "."));
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
            throw new UnavailableException(
                    "storage_unavailable", "The job's media could not be deleted; try again later.", e);
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
