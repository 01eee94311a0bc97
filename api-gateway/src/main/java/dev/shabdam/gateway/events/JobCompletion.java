package dev.shabdam.gateway.events;

import dev.shabdam.gateway.jobs.JobRepository;
import dev.shabdam.gateway.jobs.JobRow;
import dev.shabdam.gateway.jobs.JobView;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Waits for a job's final event ({@code ?wait=N}) without polling: the events listener wakes it. */
@Component
public class JobCompletion {
    private final JobEventBus bus;
    private final JobRepository jobs;

    JobCompletion(JobEventBus bus, JobRepository jobs) {
        this.bus = bus;
        this.jobs = jobs;
    }

    /** Completes with the job once it is final, or with empty when it is not final within {@code timeout}. */
    public CompletableFuture<Optional<EndedJob>> awaitFinal(JobRow job, Duration timeout) {
        CompletableFuture<EndedJob> ended = new CompletableFuture<>();
        JobEventBus.Subscription subscription = bus.subscribe(job.jobId(), event -> {
            if (event.status().isFinal()) {
                ended.complete(new EndedJob(current(job).withFinalEvent(event), event));
            }
        });
        // subscribed first, then read: a job that ended before is seen here, one that ends later by the listener
        Optional.of(current(job)).filter(row -> row.status().isFinal())
                .ifPresent(row -> ended.complete(new EndedJob(row, null)));
        return ended.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((row, error) -> subscription.close())
                .thenApply(Optional::ofNullable);
    }

    /**
     * The answer to a submission with {@code ?wait}: 200 with the job if it ends within {@code wait},
     * else {@code accepted}. The request thread is released while waiting.
     */
    public DeferredResult<ResponseEntity<Object>> answerWhenFinal(JobRow job, Duration wait,
                                                                 ResponseEntity<Object> accepted) {
        // the timeout is a backstop only: the wait below ends first
        DeferredResult<ResponseEntity<Object>> answer = new DeferredResult<>(wait.plusSeconds(5).toMillis(), accepted);
        if (wait.isZero()) {
            answer.setResult(accepted);
            return answer;
        }
        awaitFinal(job, wait).whenComplete((ended, error) -> answer.setResult(ended == null || ended.isEmpty()
                ? accepted
                : ResponseEntity.<Object>ok(JobView.of(ended.get().row()))));
        return answer;
    }

    private JobRow current(JobRow job) {
        return jobs.find(job.tenantId(), job.jobId()).orElse(job);
    }
}
