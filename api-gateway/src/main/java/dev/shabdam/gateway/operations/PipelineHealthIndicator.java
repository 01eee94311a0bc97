package dev.shabdam.gateway.operations;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness: the gateway takes work only while the pipeline consumes it, so that a client is told "not now"
 * instead of having its job wait QUEUED for good. Answers from {@link PipelineMonitor}'s latest reading.
 */
@Component("pipeline")
class PipelineHealthIndicator implements HealthIndicator {
    private final PipelineMonitor monitor;

    PipelineHealthIndicator(PipelineMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Health health() {
        return monitor.latest()
                .map(reading -> (reading.problems().isEmpty() ? Health.up() : Health.down()).withDetails(reading.details()).build())
                .orElseGet(() -> Health.down().withDetail("reading", "not read yet").build());
    }
}
