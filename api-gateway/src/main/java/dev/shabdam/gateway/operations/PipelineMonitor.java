package dev.shabdam.gateway.operations;

import dev.shabdam.gateway.GatewaySettings;
import dev.shabdam.schemas.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.AdminClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Reads, every few seconds, whether the pipeline consumes ({@link PipelineReading}): the Flink job's state
 * from its REST API when one is configured, the lag of the pipeline's consumer groups on voice.requests, and
 * the oldest queued job. Readiness ({@link PipelineHealthIndicator}) and the Prometheus gauges answer from the
 * latest reading, so neither waits on Flink, Kafka or the database.
 *
 * <p>Gauges: {@code shabdam.pipeline.consumer.lag{group}} (records), {@code shabdam.pipeline.queued.oldest}
 * (seconds), {@code shabdam.pipeline.ready} (1 or 0) and, with a Flink REST URL, {@code shabdam.pipeline.job.state{state}}:
 * 1 for the job's state, 0 for the others.
 */
@Component
class PipelineMonitor {
    private static final Logger log = LoggerFactory.getLogger(PipelineMonitor.class);
    static final List<String> GROUPS = List.of(Topics.PIPELINE_GROUP_INTERACTIVE, Topics.PIPELINE_GROUP_MEDIA);
    /** Flink's job states, and ours for a job the REST API does not show. */
    static final List<String> JOB_STATES = List.of("INITIALIZING", "CREATED", "RUNNING", "FAILING", "FAILED", "CANCELLING",
            "CANCELED", "FINISHED", "RESTARTING", "SUSPENDED", "RECONCILING", FlinkJobs.NOT_FOUND, FlinkJobs.UNREACHABLE);

    private final Optional<FlinkJobs> flink;
    private final ConsumerGroups consumers;
    private final JdbcClient jdbc;
    private final Duration stallBound;
    private final GroupWatch watch = new GroupWatch();
    private final Clock clock = Clock.systemUTC();
    private volatile PipelineReading latest;

    PipelineMonitor(GatewaySettings.Health properties, AdminClient operationsAdmin, JdbcClient jdbc, MeterRegistry meters) {
        this.flink = Optional.ofNullable(properties.flinkRestUrl())
                .filter(url -> !url.toString().isBlank())
                .map(url -> new FlinkJobs(url, properties.flinkJobName()));
        this.consumers = new ConsumerGroups(operationsAdmin);
        this.jdbc = jdbc;
        this.stallBound = properties.queueStall();
        flink.ifPresentOrElse(jobs -> log.info("Readiness follows the Flink job '{}' at {}", properties.flinkJobName(), jobs.url()),
                () -> log.info("No SHABDAM_FLINK_REST_URL: readiness does not check the Flink job's state"));
        registerGauges(meters);
    }

    /** The latest reading; empty until the first one is done. */
    Optional<PipelineReading> latest() {
        return Optional.ofNullable(latest);
    }

    @Scheduled(fixedDelayString = GatewaySettings.HEALTH_SAMPLE_EVERY)
    void read() {
        Instant now = clock.instant();
        String state = flink.map(FlinkJobs::state).orElse(null);
        List<PipelineReading.Group> groups = List.of();
        String groupsError = null;
        try {
            groups = consumers.positions(GROUPS).stream()
                    .map(position -> new PipelineReading.Group(position.group(), position.lag(), watch.behindFor(position, now)))
                    .toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            groupsError = "interrupted";
        } catch (Exception e) {
            // Kafka's own health check reports the broker; here the groups are just unknown
            groupsError = "could not read the consumer groups: " + e;
        }
        latest = new PipelineReading(now, state, groups, groupsError, oldestQueued(now), stallBound);
    }

    private PipelineReading.QueuedJob oldestQueued(Instant now) {
        return jdbc.sql("SELECT job_id, created_at FROM jobs WHERE status = 'QUEUED' ORDER BY created_at LIMIT 1")
                .query((rs, row) -> new PipelineReading.QueuedJob(rs.getString("job_id"),
                        Duration.between(rs.getObject("created_at", OffsetDateTime.class).toInstant(), now)))
                .optional()
                .orElse(null);
    }

    private void registerGauges(MeterRegistry meters) {
        for (String group : GROUPS) {
            Gauge.builder("shabdam.pipeline.consumer.lag", this, monitor -> monitor.latest().map(r -> (double) r.lag(group)).orElse(Double.NaN))
                    .description("voice.requests records the pipeline's consumer group has not read (-1: unknown)")
                    .baseUnit("records").tag("group", group).register(meters);
        }
        Gauge.builder("shabdam.pipeline.queued.oldest", this, monitor -> monitor.latest()
                        .map(r -> r.oldestQueued() == null ? 0.0 : r.oldestQueued().waited().toMillis() / 1000.0).orElse(Double.NaN))
                .description("how long the oldest queued job has waited").baseUnit("seconds").register(meters);
        Gauge.builder("shabdam.pipeline.ready", this, monitor -> monitor.latest().map(r -> r.problems().isEmpty() ? 1.0 : 0.0).orElse(0.0))
                .description("1 while the pipeline consumes (the gateway's readiness), else 0").register(meters);
        if (flink.isPresent()) {
            for (String state : JOB_STATES) {
                Gauge.builder("shabdam.pipeline.job.state", this, monitor -> monitor.latest()
                                .map(r -> state.equals(r.flinkState()) ? 1.0 : 0.0).orElse(0.0))
                        .description("1 for the state the pipeline's Flink job is in").tag("state", state).register(meters);
            }
        }
    }
}
