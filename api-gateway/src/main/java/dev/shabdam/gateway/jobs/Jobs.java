package dev.shabdam.gateway.jobs;

import dev.shabdam.gateway.problems.ApiProblem;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.schemas.JobError;
import dev.shabdam.schemas.JobStatus;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.VoiceRequest;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Submitting, finding, listing, cancelling and deleting a tenant's jobs. */
@Service
public class Jobs {
    private static final int MAX_PAGE = 100;
    /** What {@link #newJobId} makes; anything else is not echoed back (it may be a path someone tried). */
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    private final JobRepository repository;
    private final RequestPublisher requests;
    private final MeterRegistry meters;
    private final JobMedia media;
    private final Clock clock = Clock.systemUTC();

    Jobs(JobRepository repository, RequestPublisher requests, MeterRegistry meters, JobMedia media) {
        this.repository = repository;
        this.requests = requests;
        this.meters = meters;
        this.media = media;
    }

    public static String newJobId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Records the job as QUEUED, then queues it. When the queue cannot take it, the row is marked
     * FAILED (so it does not look queued forever) and the client gets 503.
     */
    public JobRow submit(
            Tenant tenant, String jobId, JobType type, Map<String, String> parameters, Map<String, String> inputs) {
        Instant now = now();
        JobRow job =
                new JobRow(jobId, tenant.id(), type, JobStatus.QUEUED, null, 0, null, null, Map.of(), now, now, null);
        repository.insert(job, parameters, inputs);
        try {
            requests.publish(VoiceRequest.submit(jobId, tenant.id(), type, parameters, inputs, now));
        } catch (ApiProblem e) {
            repository.finish(jobId, JobStatus.FAILED, new JobError(e.code(), e.getMessage()), now());
            throw e;
        }
        meters.counter("shabdam.jobs.submitted", "type", type.name()).increment();
        return job;
    }

    public JobRow get(Tenant tenant, String jobId) {
        return repository
                .find(tenant.id(), jobId)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "job_not_found",
                        JOB_ID.matcher(jobId).matches()
                                ? "There is no job " + jobId + "."
                                : "There is no job with that id: job ids are UUIDs."));
    }

    JobPage list(Tenant tenant, JobType type, JobStatus status, String cursor, Integer limit) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_limit", "limit must be 1 to " + MAX_PAGE + ".");
        }
        JobCursor after = cursor == null || cursor.isBlank() ? null : JobCursor.decode(cursor);
        // one more than asked tells whether another page follows
        List<JobRow> rows = repository.page(tenant.id(), type, status, after, size + 1);
        List<JobRow> shown = rows.subList(0, Math.min(size, rows.size()));
        String next = rows.size() > size ? JobCursor.after(shown.get(size - 1)).encode() : null;
        return new JobPage(shown.stream().map(JobView::of).toList(), next);
    }

    /**
     * {@code DELETE /jobs/{id}}: a queued or running job is cancelled, the pipeline told first and the row
     * marked after, so a job is never shown CANCELLED while the pipeline was not told. A job that has ended
     * (before, or meanwhile) loses its media instead ({@link JobMedia}); its row stays, for analytics.
     */
    JobRow delete(Tenant tenant, String jobId) {
        JobRow job = get(tenant, jobId);
        if (job.status().isFinal()) {
            return media.delete(job);
        }
        requests.publish(VoiceRequest.cancel(jobId, tenant.id(), job.type(), now()));
        return repository
                .finish(jobId, JobStatus.CANCELLED, null, now())
                .orElseGet(() -> media.delete(get(tenant, jobId)));
    }

    /** PostgreSQL keeps microseconds; truncating here keeps cursors exact. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
