package dev.shabdam.gateway.operations;

import dev.shabdam.gateway.GatewaySettings;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.AdminClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads, every few seconds, whether the pipeline consumes ({@link PipelineReading}): the Flink job's state
 * from its REST API when one is configured, each latency class's oldest queued job and when the pipeline last
 * moved one of its jobs, and the lag of the pipeline's consumer groups on voice.requests. Readiness
 * ({@link PipelineHealthIndicator}) and the Prometheus gauges answer from the latest reading, so neither waits on
 * Flink, Kafka or the database; a reading older than {@link #MAX_AGE_READINGS} sample periods counts as DOWN.
 *
 * <p>The bounds: interactive work (a sentence) takes a second, so its queue is stalled once work has waited
 * {@code queueStall} with no sentence spoken meanwhile; one media record may run for a whole job timeout
 * without an event (an hour of transcription), so the media queue is given {@code queueStall + jobTimeout}.
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
    static final List<String> JOB_STATES = List.of(
            "INITIALIZING",
            "CREATED",
            "RUNNING",
            "FAILING",
            "FAILED",
            "CANCELLING",
            "CANCELED",
            "FINISHED",
            "RESTARTING",
            "SUSPENDED",
            "RECONCILING",
            FlinkJobs.NOT_FOUND,
            FlinkJobs.UNREACHABLE);
    /** A reading this many sample periods old is not believed: the reader is stuck, so nothing is known. */
    static final int MAX_AGE_READINGS = 3;

    private static final String INTERACTIVE = "interactive";
    private static final String MEDIA = "media";

    private final Optional<FlinkJobs> flink;
    private final ConsumerGroups consumers;
    private final JdbcClient jdbc;
    private final Map<String, Duration> bounds;
    private final Duration maxAge;
    private final GroupWatch watch = new GroupWatch();
    private final Clock clock = Clock.systemUTC();
    private volatile PipelineReading latest;

    PipelineMonitor(
            GatewaySettings.Health properties, AdminClient operationsAdmin, JdbcClient jdbc, MeterRegistry meters) {
        this.flink = Optional.ofNullable(properties.flinkRestUrl())
                .filter(url -> !url.toString().isBlank())
                .map(url -> new FlinkJobs(url, properties.flinkJobName()));
        this.consumers = new ConsumerGroups(operationsAdmin);
        this.jdbc = jdbc;
        this.bounds = Map.of(
                INTERACTIVE,
                properties.queueStall(),
                MEDIA,
                properties.queueStall().plus(properties.jobTimeout()));
        this.maxAge = properties.sampleEvery().multipliedBy(MAX_AGE_READINGS);
        flink.ifPresentOrElse(
                jobs -> log.info("Readiness follows the Flink job '{}' at {}", properties.flinkJobName(), jobs.url()),
                () -> log.info("No SHABDAM_FLINK_REST_URL: readiness does not check the Flink job's state"));
        registerGauges(meters);
    }

    /** The latest reading; empty until the first one is done. */
    Optional<PipelineReading> latest() {
        return Optional.ofNullable(latest);
    }

    /** Why the pipeline does not consume, as of the latest reading; empty when it does. */
    List<String> problems() {
        PipelineReading reading = latest;
        if (reading == null) {
            return List.of("not read yet");
        }
        Duration age = Duration.between(reading.at(), clock.instant());
        if (age.compareTo(maxAge) > 0) {
            return List.of("the last reading is " + age.toSeconds() + " s old: the reader is stuck");
        }
        return reading.problems();
    }

    @Scheduled(fixedDelayString = GatewaySettings.HEALTH_SAMPLE_EVERY)
    void read() {
        Instant now = clock.instant();
        String state = flink.map(FlinkJobs::state).orElse(null);
        List<PipelineReading.Group> groups = List.of();
        String groupsError = null;
        try {
            groups = consumers.positions(GROUPS).stream()
                    .map(position ->
                            new PipelineReading.Group(position.group(), position.lag(), watch.behindFor(position, now)))
                    .toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            groupsError = "interrupted";
        } catch (Exception e) {
            // Kafka's own health check reports the broker; here the groups are just unknown
            groupsError = "could not read the consumer groups: " + e;
        }
        try {
            latest = new PipelineReading(
                    now, state, List.of(queue(INTERACTIVE, true, now), queue(MEDIA, false, now)), groups, groupsError);
        } catch (DataAccessException e) {
            // the database's own health check reports it; the old reading ages into DOWN
            log.warn("Could not read the job queue for readiness: {}", e.toString());
        }
    }

    private PipelineReading.ClassQueue queue(String name, boolean interactive, Instant now) {
        List<String> types = Arrays.stream(JobType.values())
                .filter(type -> type.interactive() == interactive)
                .map(JobType::name)
                .toList();
        PipelineReading.QueuedJob oldest = jdbc.sql("SELECT job_id, created_at FROM jobs WHERE status = 'QUEUED'"
                        + " AND type IN (:types) ORDER BY created_at LIMIT 1")
                .param("types", types)
                .query((rs, row) -> new PipelineReading.QueuedJob(
                        rs.getString("job_id"),
                        Duration.between(
                                rs.getObject("created_at", OffsetDateTime.class).toInstant(), now)))
                .optional()
                .orElse(null);
        // one query a type, each answered from the end of the jobs_progress index
        Optional<Instant> progress = types.stream()
                .map(type -> jdbc.sql("SELECT max(updated_at) FROM jobs WHERE type = ? AND status <> 'QUEUED'")
                        .param(type)
                        .query(OffsetDateTime.class)
                        .optional())
                .flatMap(Optional::stream)
                .map(OffsetDateTime::toInstant)
                .max(Instant::compareTo);
        return new PipelineReading.ClassQueue(
                name, oldest, progress.map(at -> Duration.between(at, now)).orElse(null), bounds.get(name));
    }

    private void registerGauges(MeterRegistry meters) {
        for (String group : GROUPS) {
            Gauge.builder(
                            "shabdam.pipeline.consumer.lag",
                            this,
                            monitor -> monitor.latest()
                                    .map(r -> (double) r.lag(group))
                                    .orElse(Double.NaN))
                    .description("voice.requests records the pipeline's consumer group has not read (-1: unknown)")
                    .baseUnit("records")
                    .tag("group", group)
                    .register(meters);
        }
        Gauge.builder(
                        "shabdam.pipeline.queued.oldest",
                        this,
                        monitor -> monitor.latest()
                                .map(r -> r.oldestWait().toMillis() / 1000.0)
                                .orElse(Double.NaN))
                .description("how long the oldest queued job has waited")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder(
                        "shabdam.pipeline.ready",
                        this,
                        monitor -> monitor.problems().isEmpty() ? 1.0 : 0.0)
                .description("1 while the pipeline consumes (the gateway's readiness), else 0")
                .register(meters);
        if (flink.isPresent()) {
            for (String state : JOB_STATES) {
                Gauge.builder(
                                "shabdam.pipeline.job.state",
                                this,
                                monitor -> monitor.latest()
                                        .map(r -> state.equals(r.flinkState()) ? 1.0 : 0.0)
                                        .orElse(0.0))
                        .description("1 for the state the pipeline's Flink job is in")
                        .tag("state", state)
                        .register(meters);
            }
        }
    }
}
