package dev.shabdam.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.pipeline.media.TestMedia;
import dev.shabdam.schemas.Topics;
import dev.shabdam.testsupport.CommittedRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every kind of bad input gets its status and problem code, and the stack keeps serving afterwards. */
@ExtendWith(SharedStack.class)
class BadInputTest {

    private final Api tenantA = SharedStack.api(SharedStack.TENANT_A_KEY);

    @AfterAll
    static void stackStillServes(@TempDir Path dir) throws Exception {
        byte[] wav = Files.readAllBytes(TestMedia.wav(dir.resolve("ok.wav"), 8_000, 1, 0.5, 300));
        HttpResponse<String> response =
                SharedStack.api(SharedStack.TENANT_A_KEY).upload("/voice/analyze?wait=60", "ok.wav", wav);
        assertThat(Api.json(response).path("status").asText())
                .as(response.body())
                .isEqualTo("COMPLETED");
    }

    @Test
    void randomBytesNamedWavAreUnsupportedMedia() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        assertProblem(tenantA.upload("/voice/analyze", "speech.wav", noise), 415, "unsupported_media");
    }

    @Test
    void emptyFileIsRefused() {
        assertProblem(tenantA.upload("/voice/analyze", "empty.wav", new byte[0]), 400, "empty_file");
    }

    @Test
    void fileOverTheLimitIsRefused(@TempDir Path dir) throws Exception {
        byte[] big = Files.readAllBytes(TestMedia.wav(dir.resolve("long.wav"), 16_000, 1, 80, 440));
        assertThat(big.length).isGreaterThan(SharedStack.MAX_AUDIO_BYTES);
        assertProblem(tenantA.upload("/voice/analyze", "long.wav", big), 413, "file_too_large");
    }

    @Test
    void truncatedMp4EndsTheJobFailedWithTheReason(@TempDir Path dir) throws Exception {
        byte[] mp4 = Files.readAllBytes(TestMedia.mp4(dir.resolve("clip.mp4"), 2.0));
        byte[] truncated = Arrays.copyOf(mp4, mp4.length / 2);

        HttpResponse<String> response = tenantA.upload("/voice/analyze?wait=60", "clip.mp4", truncated);

        JsonNode job = Api.json(response);
        assertThat(job.path("status").asText()).as(response.body()).isEqualTo("FAILED");
        assertThat(job.path("error").path("code").asText()).isEqualTo("unsupported_media");
        assertThat(job.path("error").path("detail").asText()).isNotBlank();
    }

    @Test
    void pathTraversalFileNameIsRefused(@TempDir Path dir) throws Exception {
        byte[] wav = Files.readAllBytes(TestMedia.wav(dir.resolve("a.wav"), 8_000, 1, 0.2, 300));
        assertProblem(tenantA.upload("/voice/analyze", "../../etc/passwd.wav", wav), 400, "invalid_filename");
    }

    @Test
    void unknownJobIsNotFound() {
        assertProblem(tenantA.get("/jobs/" + UUID.randomUUID()), 404, "job_not_found");
    }

    @Test
    void missingAndWrongKeysAreUnauthorized() {
        assertProblem(new Api(SharedStack.stack().gatewayUrl(), null).get("/jobs"), 401, "missing_api_key");
        assertProblem(SharedStack.api("not-a-key").get("/jobs"), 401, "invalid_api_key");
    }

    @Test
    void anotherTenantsJobIsNotFound(@TempDir Path dir) throws Exception {
        byte[] wav = Files.readAllBytes(TestMedia.wav(dir.resolve("a.wav"), 8_000, 1, 0.2, 300));
        String jobId = Api.json(tenantA.upload("/voice/analyze", "a.wav", wav))
                .path("jobId")
                .asText();

        Api tenantB = SharedStack.api(SharedStack.TENANT_B_KEY);
        assertProblem(tenantB.get("/jobs/" + jobId), 404, "job_not_found");
        assertProblem(tenantB.get("/jobs/" + jobId + "/outputs/report"), 404, "job_not_found");
        assertThat(tenantA.get("/jobs/" + jobId).statusCode()).isEqualTo(200);
    }

    @Test
    void nonMultipartBodyIsRefused() {
        assertProblem(
                tenantA.post("/voice/analyze", "application/json", "this is not json"),
                415,
                "unsupported_content_type");
    }

    @Test
    void unreadableKafkaRecordGoesToTheDeadLetterTopicAndTheJobKeepsRunning(@TempDir Path dir) throws Exception {
        String key = "poison-" + UUID.randomUUID();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStack.stack().kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(
                            Topics.REQUESTS,
                            key.getBytes(StandardCharsets.UTF_8),
                            "{\"this is\": not a request".getBytes(StandardCharsets.UTF_8)))
                    .get();
        }

        List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                CommittedRecords.of(SharedStack.stack().kafkaBootstrap(), Topics.DEAD_LETTERS)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(deadLetters::add);
                return deadLetters.stream().anyMatch(r -> key.equals(new String(r.key(), StandardCharsets.UTF_8)));
            });
        }
        ConsumerRecord<byte[], byte[]> letter = deadLetters.stream()
                .filter(r -> key.equals(new String(r.key(), StandardCharsets.UTF_8)))
                .findFirst()
                .orElseThrow();
        assertThat(letter.headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER))
                .isNotNull();

        byte[] wav = Files.readAllBytes(TestMedia.wav(dir.resolve("after.wav"), 8_000, 1, 0.3, 500));
        assertThat(Api.json(tenantA.upload("/voice/analyze?wait=60", "after.wav", wav))
                        .path("status")
                        .asText())
                .isEqualTo("COMPLETED");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Api.json(response);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
    }
}
