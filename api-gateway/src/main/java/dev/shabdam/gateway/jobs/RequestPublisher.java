package dev.shabdam.gateway.jobs;

import dev.shabdam.gateway.problems.UnavailableException;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.Topics;
import dev.shabdam.schemas.VoiceRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes {@code voice.requests} records, keyed by job id so one job's records stay in order. A send
 * is acknowledged by every in-sync replica (acks=all, idempotent producer) before the client hears 202.
 */
@Component
class RequestPublisher {
    private static final Logger log = LoggerFactory.getLogger(RequestPublisher.class);
    /** Longer than the producer's delivery.timeout.ms, which bounds the send itself. */
    private static final long SEND_TIMEOUT_SECONDS = 20;

    private final KafkaTemplate<String, byte[]> kafka;

    RequestPublisher(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    void publish(VoiceRequest request) {
        try {
            kafka.send(Topics.REQUESTS, request.jobId(), RecordCodec.encode(request))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(request, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unavailable(request, e);
        }
    }

    private static UnavailableException unavailable(VoiceRequest request, Exception e) {
        log.warn(
                "Could not send {} of job {} to {}: {}",
                request.action(),
                request.jobId(),
                Topics.REQUESTS,
                e.toString());
        return new UnavailableException("queue_unavailable", "The job queue is unavailable; try again later.", e);
    }
}
