package dev.shabdam.gateway.generation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Generation requests by outcome ({@code shabdam.generate.requests}) and their latency
 * ({@code shabdam.generate.latency}): from the request's arrival to the audio's first byte being
 * ready (the whole file for {@code /voice/generate}, the first sentence for the stream), or to the
 * 202 or problem that answered instead. Outcomes: audio, accepted, failed, cancelled, timeout,
 * rejected (invalid input), unavailable (the queue refused the job), error.
 */
@Component
class GenerationMetrics {
    private final MeterRegistry meters;

    GenerationMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    Measurement start(String endpoint) {
        return new Measurement(endpoint, Timer.start(meters));
    }

    /** One request being measured; only its first outcome counts. */
    final class Measurement {
        private final String endpoint;
        private final Timer.Sample sample;
        private final AtomicBoolean finished = new AtomicBoolean();

        private Measurement(String endpoint, Timer.Sample sample) {
            this.endpoint = endpoint;
            this.sample = sample;
        }

        /** Runs a step of the request; when it throws, the request ends with {@code outcome}. */
        <T> T step(String outcome, Supplier<T> step) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                finish(outcome);
                throw e;
            }
        }

        void finish(String outcome) {
            if (finished.compareAndSet(false, true)) {
                meters.counter("shabdam.generate.requests", "endpoint", endpoint, "outcome", outcome)
                        .increment();
                sample.stop(Timer.builder("shabdam.generate.latency")
                        .description("from a generation request's arrival to its answer")
                        .tags("endpoint", endpoint, "outcome", outcome)
                        .publishPercentileHistogram()
                        .register(meters));
            }
        }
    }
}
