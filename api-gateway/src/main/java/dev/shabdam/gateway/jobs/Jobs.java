package dev.shabdam.gateway.jobs;

import dev.shabdam.gateway.GatewaySettings;
import dev.shabdam.gateway.problems.InvalidRequestException;
import dev.shabdam.gateway.problems.UnavailableException;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.schemas.JobError;
import dev.shabdam.schemas.JobStatus;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.VoiceRequest;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Submitting, finding, listing, cancelling and deleting a tenant's jobs. */
@Service
public class Jobs {
    private static final int MAX_PAGE = 100;

    private final JobRepository repository;
    private final RequestPublisher requests;
    private final MeterRegistry meters;
    private final JobMedia media;
    private final JobCompletion completion;
    private final GatewaySettings.Jobs settings;
    private final Clock clock = Clock.systemUTC();

    Jobs(
            JobRepository repository,
            RequestPublisher requests,
            MeterRegistry meters,
            JobMedia media,
            JobCompletion completion,
            GatewaySettings.Jobs settings) {
        this.repository = repository;
        this.requests = requests;
        this.meters = meters;
        this.media = media;
        this.completion = completion;
        this.settings = settings;
    }

    public static String newJobId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Records the job as QUEUED, then queues it. When the queue cannot take it, the row is marked FAILED (so it
     * does not look queued forever) and the client gets 503: the one state the gateway writes after the insert,
     * for a job the pipeline never received and so can never end.
     */
    public JobRow submit(
            Tenant tenant, String jobId, JobType type, Map<String, String> parameters, Map<String, String> inputs) {
        Instant now = now();
        JobRow job =
                new JobRow(jobId, tenant.id(), type, JobStatus.QUEUED, null, 0, null, null, Map.of(), now, now, null);
        repository.insert(job, parameters, inputs);
        try {
            requests.publish(VoiceRequest.submit(jobId, tenant.id(), type, parameters, inputs, now));
        } catch (UnavailableException e) {
            repository.failUnqueued(jobId, new JobError(e.code(), e.getMessage()), now());
            throw e;
        }
        meters.counter("shabdam.jobs.submitted", "type", type.name()).increment();
        return job;
    }

    public JobRow get(Tenant tenant, String jobId) {
        return repository.find(tenant.id(), jobId).orElseThrow(() -> new JobNotFoundException(jobId));
    }

    JobPage list(Tenant tenant, JobType type, JobStatus status, String cursor, Integer limit) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw new InvalidRequestException("invalid_limit", "limit must be 1 to " + MAX_PAGE + ".");
        }
        JobCursor after = cursor == null || cursor.isBlank() ? null : JobCursor.decode(cursor);
        // one more than asked tells whether another page follows
        List<JobRow> rows = repository.page(tenant.id(), type, status, after, size + 1);
        List<JobRow> shown = rows.subList(0, Math.min(size, rows.size()));
        String next = rows.size() > size ? JobCursor.after(shown.get(size - 1)).encode() : null;
        return new JobPage(shown.stream().map(JobView::of).toList(), next);
    }

    /**
     * {@code DELETE /jobs/{id}}. A job that has ended loses its media ({@link JobMedia}); its row stays, for
     * analytics. A queued or running job is cancelled: the pipeline is told, and the job's state stays the
     * pipeline's to write (its cancellation gate emits the CANCELLED event its sink records), so the answer is the
     * job as that event leaves it, or, when none comes within {@code shabdam.jobs.cancel-wait}, the job as it
     * stands (the cancellation goes on).
     */
    CompletableFuture<JobRow> delete(Tenant tenant, String jobId) {
        JobRow job = get(tenant, jobId);
        if (job.status().isFinal()) {
            return CompletableFuture.completedFuture(media.delete(job));
        }
        return completion
                .submitAndAwait(jobId, settings.cancelWait(), () -> {
                    requests.publish(VoiceRequest.cancel(jobId, tenant.id(), job.type(), now()));
                    return job;
                })
                .thenApply(JobOutcome::job);
    }

    /** PostgreSQL keeps microseconds; truncating here keeps cursors exact. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
