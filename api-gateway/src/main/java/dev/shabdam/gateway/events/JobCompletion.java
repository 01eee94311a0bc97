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
import java.util.function.BiFunction;
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
    public record AwaitedJob(JobRow job, CompletableFuture<Optional<EndedJob>> ended) {}

    /**
     * Submits job {@code jobId} with {@code submit} (which returns its row) and waits up to {@code timeout}
     * for its end. When {@code submit} throws, nothing is left waiting.
     */
    public AwaitedJob submitAndAwait(String jobId, Duration timeout, Supplier<JobRow> submit) {
        CompletableFuture<VoiceEvent> finalEvent = new CompletableFuture<>();
        JobEventBus.Listening<JobRow> listening = bus.subscribeBefore(
                jobId,
                event -> {
                    if (event.status().isFinal()) {
                        finalEvent.complete(event);
                    }
                },
                submit);
        JobRow job = listening.submitted();
        CompletableFuture<Optional<EndedJob>> ended = finalEvent
                .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((event, error) -> listening.subscription().close())
                .thenApply(event -> event == null
                        ? endedInTable(job)
                        : Optional.of(new EndedJob(job.withFinalEvent(event), event)));
        return new AwaitedJob(job, ended);
    }

    /**
     * The answer to a submission with {@code ?wait}: 200 with the job if it ends within {@code wait},
     * else 202 with the job. The request thread is released while waiting.
     */
    public DeferredResult<ResponseEntity<Object>> submitAndAnswer(
            String jobId, Duration wait, Supplier<JobRow> submit) {
        return submitAndAnswer(jobId, wait, submit, JobCompletion::jobView);
    }

    /**
     * Submits the job and answers with {@code answer} of the submitted job and its end (empty when it has
     * not ended within {@code wait}); what {@code answer} throws becomes the error answer (a problem). The
     * request thread is released while waiting.
     */
    public DeferredResult<ResponseEntity<Object>> submitAndAnswer(
            String jobId,
            Duration wait,
            Supplier<JobRow> submit,
            BiFunction<JobRow, Optional<EndedJob>, ResponseEntity<Object>> answer) {
        if (wait.isZero()) {
            DeferredResult<ResponseEntity<Object>> result = new DeferredResult<>();
            result.setResult(answer.apply(submit.get(), Optional.empty()));
            return result;
        }
        AwaitedJob awaited = submitAndAwait(jobId, wait, submit);
        // the timeout is a backstop only: the wait ends first
        DeferredResult<ResponseEntity<Object>> result =
                new DeferredResult<>(wait.plusSeconds(5).toMillis(), SubmittedJob.accepted(awaited.job()));
        awaited.ended().whenComplete((ended, error) -> {
            try {
                result.setResult(answer.apply(awaited.job(), ended == null ? Optional.empty() : ended));
            } catch (RuntimeException e) {
                result.setErrorResult(e);
            }
        });
        return result;
    }

    /** 200 with the job as it ended, else 202 with the job as submitted. */
    private static ResponseEntity<Object> jobView(JobRow job, Optional<EndedJob> ended) {
        return ended.<ResponseEntity<Object>>map(end -> ResponseEntity.ok(JobView.of(end.row())))
                .orElseGet(() -> SubmittedJob.accepted(job));
    }

    private Optional<EndedJob> endedInTable(JobRow job) {
        return jobs.find(job.tenantId(), job.jobId())
                .filter(row -> row.status().isFinal())
                .map(row -> new EndedJob(row, null));
    }
}
