package dev.shabdam.gateway.jobs;

import dev.shabdam.gateway.events.JobEventBus;
import dev.shabdam.schemas.VoiceEvent;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Waits for a job's final event ({@code ?wait=N}, generation, cancellation) without polling: the events listener
 * wakes it. Listening starts before the job is submitted, so its final event cannot come before the listener,
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

    /**
     * Submits job {@code jobId} with {@code submit} (which returns its row) and waits up to {@code wait} for its
     * end; the request thread is not held meanwhile. When {@code submit} throws, nothing is left waiting.
     */
    public CompletableFuture<JobOutcome> submitAndAwait(String jobId, Duration wait, Supplier<JobRow> submit) {
        if (wait.isZero()) {
            return CompletableFuture.completedFuture(new JobOutcome.Running(submit.get()));
        }
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
        return finalEvent
                .completeOnTimeout(null, wait.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((event, error) -> listening.subscription().close())
                .thenApply(event ->
                        event == null ? endedInTable(job) : new JobOutcome.Ended(job.withFinalEvent(event), event));
    }

    private JobOutcome endedInTable(JobRow job) {
        return jobs.find(job.tenantId(), job.jobId())
                .filter(row -> row.status().isFinal())
                .<JobOutcome>map(row -> new JobOutcome.Ended(row, null))
                .orElseGet(() -> new JobOutcome.Running(job));
    }
}
