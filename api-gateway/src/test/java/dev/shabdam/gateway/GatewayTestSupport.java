package dev.shabdam.gateway;

import dev.shabdam.gateway.events.JobEventBus;
import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.Topics;
import dev.shabdam.schemas.UnreadableRecordException;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.testsupport.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway on a random port with a real KRaft broker, a real PostgreSQL and file storage in a
 * temporary directory. Subclasses share one Spring context (same configuration), and the tests play
 * the pipeline's part: they read {@code voice.requests}, write rows and produce {@code voice.events}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "shabdam.api-keys=tenantA:key-a-0123456789,tenantB:key-b-0123456789,tenantC:key-c-0123456789,"
                    + "tenantQuiet:key-quiet-0123456789",
            "shabdam.uploads.max-audio-bytes=64KB",
            "shabdam.uploads.max-video-bytes=256KB",
            "shabdam.generation.shared-cache-tenants=tenantC"
        })
@TestBroker
public abstract class GatewayTestSupport {
    public static final String KEY_A = "key-a-0123456789";
    public static final String KEY_B = "key-b-0123456789";
    /** A tenant whose jobs no listing test counts. */
    public static final String KEY_C = "key-c-0123456789";
    /** A tenant no test queues a job for: a request of it on voice.requests can only come from a refusal gone wrong. */
    public static final String KEY_QUIET = "key-quiet-0123456789";

    public static final String QUIET_TENANT = "tenantQuiet";

    public static final Path STORAGE = TestStorage.newFolder("shabdam-gateway-test-");

    private static KafkaProducer<String, byte[]> events;
    private static KafkaConsumer<String, byte[]> requestReader;
    private static final List<VoiceRequest> requestsSeen = new ArrayList<>();

    @LocalServerPort
    protected int port;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MeterRegistry meters;

    @Autowired
    protected JobEventBus bus;

    protected Http http;

    @DynamicPropertySource
    public static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, TestPostgres::jdbcUrl);
        registry.add("shabdam.storage.uri", STORAGE::toUri);
    }

    @BeforeEach
    protected void connect() {
        http = new Http(port);
        if (events == null) {
            events = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            broker.getBrokersAsString(),
                            ProducerConfig.ACKS_CONFIG,
                            "all"),
                    new StringSerializer(),
                    new ByteArraySerializer());
            requestReader = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            broker.getBrokersAsString(),
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                            "earliest"),
                    new StringDeserializer(),
                    new ByteArrayDeserializer());
            requestReader.assign(List.of(new TopicPartition(Topics.REQUESTS, 0)));
            awaitEventsListenerLive();
            awaitRepliesListenerLive();
        }
    }

    @AfterAll
    public static void closeClients() {
        if (events != null) {
            events.close();
            requestReader.close();
            events = null;
            requestReader = null;
            requestsSeen.clear();
        }
    }

    /**
     * The gateway's listener starts at the latest offset once it has partitions; until then a live
     * event would be missed. Canary events are sent until the gateway has read one.
     */
    private void awaitEventsListenerLive() {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    produce(new VoiceEvent(
                            1,
                            "canary-" + UUID.randomUUID(),
                            "tenantA",
                            JobType.ANALYZE,
                            1,
                            EventKind.PROGRESS,
                            "canary",
                            0,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            Instant.now()));
                    assertThat(meters.counter("shabdam.events.received", "outcome", "read")
                                    .count())
                            .isPositive();
                });
    }

    /** As {@link #awaitEventsListenerLive()}, for the voice.replies listener: canaries until the bus hands one on. */
    private void awaitRepliesListenerLive() {
        String canary = "canary-" + UUID.randomUUID();
        AtomicInteger seq = new AtomicInteger();
        AtomicBoolean heard = new AtomicBoolean();
        try (JobEventBus.Subscription subscription = bus.subscribe(canary, event -> heard.set(true))) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(300))
                    .untilAsserted(() -> {
                        reply(new VoiceEvent(
                                1,
                                canary,
                                "tenantA",
                                JobType.GENERATE,
                                seq.incrementAndGet(),
                                EventKind.PROGRESS,
                                "canary",
                                0,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                Instant.now()));
                        assertThat(heard).isTrue();
                    });
        }
    }

    protected void produce(VoiceEvent event) {
        send(Topics.EVENTS, event);
    }

    /** An event as the pipeline writes it to voice.replies: at once, at-least-once. */
    protected void reply(VoiceEvent event) {
        send(Topics.REPLIES, event);
    }

    /** An event written as JSON text, as some pipeline may write it, to voice.replies. */
    protected void replyJson(String jobId, String json) {
        send(Topics.REPLIES, jobId, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void send(String topic, VoiceEvent event) {
        send(topic, event.jobId(), RecordCodec.encode(event));
    }

    private void send(String topic, String key, byte[] value) {
        try {
            events.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids of the jobs on voice.requests so far, to tell the next one apart. */
    protected Set<String> knownJobs() {
        return Set.copyOf(requests().stream().map(VoiceRequest::jobId).toList());
    }

    /** The pipeline's part begins: the next request on voice.requests that was not there before. */
    protected VoiceRequest nextRequest(Set<String> known) {
        return nextRequest(known, r -> true);
    }

    /**
     * The next new request that is {@code mine}: on a broker shared by every test of the context, an earlier
     * test's request may still arrive after {@code known} was taken.
     */
    protected VoiceRequest nextRequest(Set<String> known, Predicate<VoiceRequest> mine) {
        Predicate<VoiceRequest> wanted = r -> !known.contains(r.jobId()) && mine.test(r);
        await().untilAsserted(() -> assertThat(requests()).anyMatch(wanted));
        return requests().stream().filter(wanted).findFirst().orElseThrow();
    }

    /** Every record on voice.requests so far, decoded (as the pipeline would read them). */
    protected List<VoiceRequest> requests() {
        for (ConsumerRecord<String, byte[]> record : requestReader.poll(Duration.ofMillis(200))) {
            try {
                VoiceRequest request = RecordCodec.decodeRequest(record.value());
                assertThat(record.key()).isEqualTo(request.jobId());
                requestsSeen.add(request);
            } catch (UnreadableRecordException e) {
                throw new AssertionError("the gateway wrote an unreadable request", e);
            }
        }
        return List.copyOf(requestsSeen);
    }

    protected List<VoiceRequest> requestsOf(String jobId) {
        return requests().stream().filter(r -> r.jobId().equals(jobId)).toList();
    }

    /** A jobs row as the pipeline's sink would leave it. */
    protected void insertJob(
            String jobId, String tenant, String status, Instant createdAt, String resultJson, String outputsJson) {
        insertJob(jobId, tenant, JobType.ANALYZE, status, createdAt, resultJson, outputsJson, null);
    }

    protected void insertJob(
            String jobId,
            String tenant,
            JobType type,
            String status,
            Instant createdAt,
            String resultJson,
            String outputsJson,
            Double mediaSeconds) {
        jdbc.sql("""
                        INSERT INTO jobs (job_id, tenant_id, type, status, stage, progress, result, outputs, media_seconds,
                                          created_at, updated_at)
                        VALUES (?, ?, ?, ?, 'probe', 0.5, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?)""")
                .params(
                        jobId,
                        tenant,
                        type.name(),
                        status,
                        resultJson,
                        outputsJson == null ? "{}" : outputsJson,
                        mediaSeconds,
                        createdAt.atOffset(ZoneOffset.UTC),
                        createdAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    protected void insertEvent(VoiceEvent e) {
        jdbc.sql("""
                        INSERT INTO job_events (job_id, seq, tenant_id, kind, stage, progress, segment, duration_ms, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        e.jobId(),
                        e.seq(),
                        e.tenantId(),
                        e.kind().name(),
                        e.stage(),
                        e.progress(),
                        e.segment(),
                        e.durationMs(),
                        e.at().atOffset(ZoneOffset.UTC))
                .update();
    }

    protected String jobStatus(String jobId) {
        return jdbc.sql("SELECT status FROM jobs WHERE job_id = ?")
                .param(jobId)
                .query(String.class)
                .single();
    }

    public static VoiceEvent progress(String jobId, int seq, String stage, double progress, Integer segment) {
        return new VoiceEvent(
                1,
                jobId,
                "tenantA",
                JobType.ANALYZE,
                seq,
                EventKind.PROGRESS,
                stage,
                progress,
                segment,
                null,
                null,
                null,
                null,
                null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    public static VoiceEvent completed(String jobId, int seq, String resultJson, Map<String, String> outputs) {
        return new VoiceEvent(
                1,
                jobId,
                "tenantA",
                JobType.ANALYZE,
                seq,
                EventKind.COMPLETED,
                "report",
                1.0,
                null,
                12L,
                resultJson,
                null,
                outputs,
                3.0,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** The event the pipeline's cancellation gate emits for a job it was told to cancel. */
    public static VoiceEvent cancelled(String jobId, int seq) {
        return new VoiceEvent(
                1,
                jobId,
                "tenantA",
                JobType.ANALYZE,
                seq,
                EventKind.CANCELLED,
                null,
                1.0,
                null,
                null,
                null,
                null,
                null,
                null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    public static void assertProblem(HttpResponse<byte[]> response, int status, String code) {
        ProblemAssertions.assertProblem(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body(),
                status,
                code);
    }

    public static String newJobId() {
        return UUID.randomUUID().toString();
    }

    /** How many objects the gateway has stored so far. */
    public static int storedFiles() {
        return TestStorage.objects(STORAGE);
    }
}
