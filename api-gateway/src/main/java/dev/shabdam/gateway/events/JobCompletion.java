package dev.shabdam.gateway.events;

import dev.shabdam.gateway.jobs.JobRepository;
import dev.shabdam.gateway.jobs.JobRow;
import dev.shabdam.gateway.jobs.JobView;
import dev.shabdam.gateway.jobs.SubmittedJob;
import dev.shabdam.schemas.VoiceEvent;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Waits for a job's final event ({@code ?wait=N}, generation) without polling: the events listener wakes
 * it. Listening starts before the job is submitted, so its final event cannot come before the listener,
 * and the wait needs no read of the table: the submitted row and the final event make the ended row.
 * Only a wait that runs out reads the table, once, for a job whose end this gateway did not hear.
 */
@Component
public class JobCompletion {
    private final JobEventBus bus;
    private final JobRepository jobs;

    JobCompletion(JobEventBus bus, JobRepository jobs) {
        this.bus = bus;
        this.jobs = jobs;
    }

    /** A submitted job and its end: the job as it ended, or empty when it had not ended within the wait. */
    public record AwaitedJob(JobRow job, CompletableFuture<Optional<EndedJob>> ended) {
    }

    /**
     * Submits job {@code jobId} with {@code submit} (which returns its row) and waits up to {@code timeout}
     * for its end. When {@code submit} throws, nothing is left waiting.
     */
    public AwaitedJob submitAndAwait(String jobId, Duration timeout, Supplier<JobRow> submit) {
        CompletableFuture<VoiceEvent> finalEvent = new CompletableFuture<>();
        JobEventBus.Subscription subscription = bus.subscribe(jobId, event -> {
            if (event.status().isFinal()) {
                finalEvent.complete(event);
            }
        });
        JobRow job;
        try {
            job = submit.get();
        } catch (RuntimeException e) {
            subscription.close();
            throw e;
        }
        CompletableFuture<Optional<EndedJob>> ended = finalEvent
                .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((event, error) -> subscription.close())
                .thenApply(event -> event == null
                        ? endedInTable(job)
                        : Optional.of(new EndedJob(job.withFinalEvent(event), event)));
        return new AwaitedJob(job, ended);
    }

    /**
     * The answer to a submission with {@code ?wait}: 200 with the job if it ends within {@code wait},
     * else 202 with the job. The request thread is released while waiting.
     */
    public DeferredResult<ResponseEntity<Object>> submitAndAnswer(String jobId, Duration wait, Supplier<JobRow> submit) {
        if (wait.isZero()) {
            DeferredResult<ResponseEntity<Object>> answer = new DeferredResult<>();
            answer.setResult(SubmittedJob.accepted(submit.get()));
            return answer;
        }
        AwaitedJob awaited = submitAndAwait(jobId, wait, submit);
        ResponseEntity<Object> accepted = SubmittedJob.accepted(awaited.job());
        // the timeout is a backstop only: the wait ends first
        DeferredResult<ResponseEntity<Object>> answer = new DeferredResult<>(wait.plusSeconds(5).toMillis(), accepted);
        awaited.ended().whenComplete((ended, error) -> answer.setResult(ended == null || ended.isEmpty()
                ? accepted
                : ResponseEntity.<Object>ok(JobView.of(ended.get().row()))));
        return answer;
    }

    private Optional<EndedJob> endedInTable(JobRow job) {
        return jobs.find(job.tenantId(), job.jobId())
                .filter(row -> row.status().isFinal())
                .map(row -> new EndedJob(row, null));
    }
}
