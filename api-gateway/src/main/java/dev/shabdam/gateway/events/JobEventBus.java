package dev.shabdam.gateway.events;

import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.UnreadableRecordException;
import dev.shabdam.schemas.VoiceEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Hands the live {@code voice.events} and {@code voice.replies} records of this gateway instance to
 * whoever waits on that job (SSE streams, {@code ?wait} requests, generation). Records of jobs nobody
 * here waits on are dropped. Both topics carry the same events, and {@code voice.replies} may repeat
 * one, so each subscriber gets each (job, seq) once: the first copy to arrive.
 */
@Component
public class JobEventBus {
    private static final Logger log = LoggerFactory.getLogger(JobEventBus.class);

    private final Map<String, Set<Consumer<VoiceEvent>>> subscribers = new ConcurrentHashMap<>();
    private final Counter received;
    private final Counter unreadable;

    JobEventBus(MeterRegistry meters) {
        this.received = meters.counter("shabdam.events.received", "outcome", "read");
        this.unreadable = meters.counter("shabdam.events.received", "outcome", "unreadable");
    }

    /** Delivers the job's events to {@code listener} until the returned subscription is closed. */
    public Subscription subscribe(String jobId, Consumer<VoiceEvent> listener) {
        Consumer<VoiceEvent> firstCopies = firstCopies(listener);
        subscribers.computeIfAbsent(jobId, id -> new CopyOnWriteArraySet<>()).add(firstCopies);
        return () -> subscribers.computeIfPresent(jobId, (id, set) -> {
            set.remove(firstCopies);
            return set.isEmpty() ? null : set;
        });
    }

    /** A subscription opened before its job was submitted, and what the submission returned. */
    public record Listening<T>(T submitted, Subscription subscription) {}

    /**
     * Subscribes {@code listener} to job {@code jobId}, then submits the job with {@code submit}: listening
     * first, none of the job's events can come before the listener (a reply may come within milliseconds).
     * When {@code submit} throws, the subscription is closed.
     */
    public <T> Listening<T> subscribeBefore(String jobId, Consumer<VoiceEvent> listener, Supplier<T> submit) {
        Subscription subscription = subscribe(jobId, listener);
        try {
            return new Listening<>(submit.get(), subscription);
        } catch (RuntimeException e) {
            subscription.close();
            throw e;
        }
    }

    /** Called by the Kafka listeners (possibly at once, from their own threads) with each record's value. */
    void accept(byte[] record) {
        VoiceEvent event;
        try {
            event = RecordCodec.decodeEvent(record);
        } catch (UnreadableRecordException e) {
            unreadable.increment();
            log.warn("Skipping an unreadable event record: {}", e.getMessage());
            return;
        }
        received.increment();
        for (Consumer<VoiceEvent> listener : subscribers.getOrDefault(event.jobId(), Set.of())) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("A listener of job {} failed", event.jobId(), e);
            }
        }
    }

    /** Passes on each seq of the subscribed job once, whichever topic brought it first. */
    private static Consumer<VoiceEvent> firstCopies(Consumer<VoiceEvent> listener) {
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        return event -> {
            if (seen.add(event.seq())) {
                listener.accept(event);
            }
        };
    }

    /** An open subscription; closing it stops delivery. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
