package dev.shabdam.gateway.operations;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.List;

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
        List<String> problems = monitor.problems();
        Health.Builder health = problems.isEmpty() ? Health.up() : Health.down();
        monitor.latest().ifPresent(reading -> health.withDetails(reading.details()));
        return health.withDetail("problems", problems).build();
    }
}
