package dev.shabdam.gateway.generation;

import dev.shabdam.gateway.events.JobEventBus;
import dev.shabdam.schemas.VoiceEvent;

import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One streamed GENERATE job as its answer: the sentences the bus brings ({@link SentenceStream}) until
 * {@code deadline}. Listening ends when the stream has been written, or at the deadline at the latest, also
 * for a stream whose response never comes to be written (its client went away).
 */
final class SpeechStream {
    private final String jobId;
    private final SentenceStream sentences;
    private final AudioOutputs outputs;
    private final Instant deadline;
    private final JobEventBus.Subscription subscription;

    SpeechStream(
            String jobId,
            SentenceStream sentences,
            AudioOutputs outputs,
            Instant deadline,
            JobEventBus.Subscription subscription) {
        this.jobId = jobId;
        this.sentences = sentences;
        this.outputs = outputs;
        this.deadline = deadline;
        this.subscription = subscription;
        CompletableFuture.delayedExecutor(untilDeadline().toMillis(), TimeUnit.MILLISECONDS)
                .execute(subscription::close);
    }

    String jobId() {
        return jobId;
    }

    /** The first event that decides the answer (a sentence to play, or the job's end); null when none came in time. */
    CompletableFuture<VoiceEvent> firstAnswer() {
        return sentences.firstAnswer().completeOnTimeout(null, untilDeadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Writes the stream until the job ends or the deadline passes; {@code flush} sends what was written so far
     * to the client (the response's own flush: Spring's body stream does not flush).
     */
    void writeTo(OutputStream out, Flushable flush) throws IOException {
        try {
            sentences.writeTo(out, flush, outputs, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    void close() {
        subscription.close();
    }

    private Duration untilDeadline() {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
