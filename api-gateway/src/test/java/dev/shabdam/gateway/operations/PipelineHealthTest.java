package dev.shabdam.gateway.operations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.gateway.Http;
import dev.shabdam.gateway.PipelineGroups;
import dev.shabdam.gateway.TestBroker;
import dev.shabdam.gateway.TestDatabase;
import dev.shabdam.schemas.Topics;
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
 * Readiness tells whether the pipeline consumes: DOWN once the oldest queued job has waited longer than the
 * stall bound while a pipeline consumer group on voice.requests has work left and does not move; UP while
 * queued work is fresh or the groups keep up. A context of its own (its own broker and database), since the
 * other gateway tests leave queued jobs and requests behind that no pipeline consumes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shabdam.api-keys=tenantH:key-h-0123456789",
        "shabdam.health.queue-stall=4s",
        "shabdam.health.sample-every=250ms"})
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
        TestDatabase.register(registry, () -> TestDatabase.jdbcUrl("pipeline_health"));
        registry.add("shabdam.storage.uri", Files.createTempDirectory("shabdam-health-test-")::toUri);
    }

    @Test
    @Order(1)
    void freshQueuedWorkIsNoStallAndTheFlinkCheckSaysItIsOff() throws Exception {
        queueRequest(Instant.now());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(prometheus()).contains("shabdam_pipeline_consumer_lag_records{group=\"" + Topics.PIPELINE_GROUP_MEDIA + "\"} 1.0"));
        HttpResponse<byte[]> readiness = http().get(READINESS, null);
        assertThat(readiness.statusCode()).as(new String(readiness.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode pipeline = Http.json(readiness).get("components").get("pipeline");
        assertThat(pipeline.get("status").asText()).isEqualTo("UP");
        assertThat(pipeline.get("details").get("flinkJob").asText()).contains("SHABDAM_FLINK_REST_URL is not set");
        assertThat(pipeline.get("details").get("consumerGroups").get(Topics.PIPELINE_GROUP_INTERACTIVE).get("lag").asLong()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void anOldQueuedJobWhileTheGroupsDoNotMoveIsDownUntilTheyConsume() throws Exception {
        String stuck = queueRequest(Instant.now().minus(Duration.ofMinutes(10)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<byte[]> readiness = http().get(READINESS, null);
            assertThat(readiness.statusCode()).isEqualTo(503);
            JsonNode pipeline = Http.json(readiness).get("components").get("pipeline");
            assertThat(pipeline.get("status").asText()).isEqualTo("DOWN");
            assertThat(pipeline.get("details").get("problems").toString()).contains(stuck, Topics.PIPELINE_GROUP_MEDIA);
        });
        assertThat(prometheus()).contains("shabdam_pipeline_ready 0.0");

        PipelineGroups.consumedEverything(broker.getBrokersAsString());

        // the old job is still QUEUED, but the pipeline keeps up: that job is lost, not the pipeline
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(http().get(READINESS, null).statusCode()).isEqualTo(200));
        assertThat(prometheus()).contains("shabdam_pipeline_consumer_lag_records{group=\"" + Topics.PIPELINE_GROUP_INTERACTIVE + "\"} 0.0");
    }

    /** A QUEUED job row created at {@code createdAt} and its record on voice.requests, as the gateway leaves them. */
    private String queueRequest(Instant createdAt) throws Exception {
        String jobId = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO jobs (job_id, tenant_id, type, status, progress, created_at, updated_at)
                        VALUES (?, 'tenantH', 'ANALYZE', 'QUEUED', 0, ?, ?)""")
                .params(jobId, createdAt.atOffset(ZoneOffset.UTC), createdAt.atOffset(ZoneOffset.UTC))
                .update();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.REQUESTS, jobId, new byte[] {'{', '}'})).get(10, TimeUnit.SECONDS);
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
