package dev.shabdam.gateway.events;

import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.Topics;
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

/**
 * Hands the live {@code voice.events} records of this gateway instance to whoever waits on that job
 * (SSE streams, {@code ?wait} requests). Records of jobs nobody here waits on are dropped.
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
        subscribers.computeIfAbsent(jobId, id -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> subscribers.computeIfPresent(jobId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** Called by the Kafka listener with each record's value. */
    void accept(byte[] record) {
        VoiceEvent event;
        try {
            event = RecordCodec.decodeEvent(record);
        } catch (UnreadableRecordException e) {
            unreadable.increment();
            log.warn("Skipping unreadable {} record: {}", Topics.EVENTS, e.getMessage());
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

    /** An open subscription; closing it stops delivery. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
