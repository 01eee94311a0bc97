package dev.shabdam.gateway.operations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.gateway.Http;
import dev.shabdam.gateway.TestBroker;
import dev.shabdam.gateway.TestDatabase;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.Topics;
import dev.shabdam.testsupport.TestPostgres;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness tells whether the pipeline consumes: DOWN once a latency class's oldest queued job has waited longer
 * than the class's bound while the pipeline moved none of the class's jobs for as long; UP while queued work is
 * fresh or the class keeps moving. The interactive bound is the stall bound; the media bound adds the job timeout,
 * since one media record may run that long without an event. A context of its own (its own broker and database),
 * since the other gateway tests leave queued jobs behind that no pipeline consumes.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "shabdam.api-keys=tenantH:key-h-0123456789",
            "shabdam.health.queue-stall=4s",
            "shabdam.health.job-timeout=6s",
            "shabdam.health.sample-every=250ms"
        })
@TestBroker
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineHealthTest {
    private static final String READINESS = "/actuator/health/readiness";

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.register(registry, () -> TestPostgres.jdbcUrl("pipeline_health"));
        registry.add("shabdam.storage.uri", Files.createTempDirectory("shabdam-health-test-")::toUri);
    }

    @Test
    @Order(1)
    void freshQueuedWorkIsNoStallAndTheFlinkCheckSaysItIsOff() throws Exception {
        String fresh = queueRequest("ANALYZE", Instant.now());

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(prometheus())
                        .contains("shabdam_pipeline_consumer_lag_records{group=\"" + Topics.PIPELINE_GROUP_MEDIA
                                + "\"} 1.0"));
        HttpResponse<byte[]> readiness = http().get(READINESS, null);
        assertThat(readiness.statusCode())
                .as(new String(readiness.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        JsonNode pipeline = Http.json(readiness).get("components").get("pipeline");
        assertThat(pipeline.get("status").asText()).isEqualTo("UP");
        assertThat(pipeline.get("details").get("flinkJob").asText()).contains("SHABDAM_FLINK_REST_URL is not set");
        assertThat(pipeline.get("details")
                        .get("consumerGroups")
                        .get(Topics.PIPELINE_GROUP_INTERACTIVE)
                        .get("lag")
                        .asLong())
                .isEqualTo(1);
        delete(fresh);
    }

    @Test
    @Order(2)
    void anOldQueuedSentenceWhileNoSentenceIsSpokenIsDownUntilOneIs() throws Exception {
        String stuck = queueRequest("GENERATE", Instant.now().minus(Duration.ofMinutes(10)));

        assertDownNaming(stuck, "interactive");
        assertThat(prometheus()).contains("shabdam_pipeline_ready 0.0");

        // the old job is still QUEUED, but a sentence is spoken: that job is lost, not the pipeline
        PipelineProgress.moved(jdbc, JobType.GENERATE);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(http().get(READINESS, null).statusCode()).isEqualTo(200));
        delete(stuck);
    }

    @Test
    @Order(3)
    void mediaWorkMayWaitAJobTimeoutLongerBehindALongRecord() throws Exception {
        // older than the stall bound (4 s), within it plus the job timeout (10 s): a long record may be running
        String waiting = queueRequest("DUB", Instant.now().minus(Duration.ofSeconds(5)));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .untilAsserted(() ->
                        assertThat(http().get(READINESS, null).statusCode()).isEqualTo(200));

        assertDownNaming(waiting, "media");
        PipelineProgress.moved(jdbc, JobType.ANALYZE);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(http().get(READINESS, null).statusCode()).isEqualTo(200));
        delete(waiting);
    }

    private void assertDownNaming(String jobId, String latencyClass) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<byte[]> readiness = http().get(READINESS, null);
            assertThat(readiness.statusCode()).isEqualTo(503);
            JsonNode pipeline = Http.json(readiness).get("components").get("pipeline");
            assertThat(pipeline.get("status").asText()).isEqualTo("DOWN");
            assertThat(pipeline.get("details").get("problems").toString())
                    .contains(jobId, "no " + latencyClass + " job has moved");
        });
    }

    private void delete(String jobId) {
        jdbc.sql("DELETE FROM jobs WHERE job_id = ?").param(jobId).update();
    }

    /** A QUEUED job row created at {@code createdAt} and its record on voice.requests, as the gateway leaves them. */
    private String queueRequest(String type, Instant createdAt) throws Exception {
        String jobId = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO jobs (job_id, tenant_id, type, status, progress, created_at, updated_at)
                        VALUES (?, 'tenantH', ?, 'QUEUED', 0, ?, ?)""")
                .params(jobId, type, createdAt.atOffset(ZoneOffset.UTC), createdAt.atOffset(ZoneOffset.UTC))
                .update();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.REQUESTS, jobId, new byte[] {'{', '}'}))
                    .get(10, TimeUnit.SECONDS);
        }
        return jobId;
    }

    private String prometheus() {
        return new String(http().get("/actuator/prometheus", null).body(), StandardCharsets.UTF_8);
    }

    private Http http() {
        return new Http(port);
    }
}
