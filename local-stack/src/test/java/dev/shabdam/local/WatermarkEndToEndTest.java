package dev.shabdam.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.pipeline.media.TestMedia;
import dev.shabdam.pipeline.synthesis.engine.EspeakRequired;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watermark through the whole stack: what {@code /voice/generate} answers carries its job's mark, and
 * {@code /voice/watermark/detect} (a DETECT_WATERMARK job: gateway → Kafka → Flink → the jobs table) finds it,
 * naming the job to its own tenant only.
 */
@ExtendWith(SharedStack.class)
class WatermarkEndToEndTest {
    private final Api tenantA = SharedStack.api(SharedStack.TENANT_A_KEY);
    private final Api tenantB = SharedStack.api(SharedStack.TENANT_B_KEY);

    @BeforeAll
    static void needsEspeak() {
        EspeakRequired.assumeInstalled("WatermarkEndToEndTest");
    }

    @Test
    void aGeneratedAnswerIsFoundMarkedAndNamesItsJobToItsTenantOnly() throws Exception {
        HttpResponse<byte[]> generated =
                generate("{\"text\":\"ഇന്ന് രാവിലെ പത്തു മണിക്ക് യോഗം ആരംഭിക്കും. എല്ലാവരും കൃത്യസമയത്ത് എത്തണം. "
                        + UUID.randomUUID().toString().replaceAll("[0-9-]", "") + "\",\"language\":\"ml\"}");
        assertThat(generated.statusCode()).isEqualTo(200);
        String generation = generated.headers().firstValue("X-Job-Id").orElseThrow();

        JsonNode own = detect(tenantA, generated.body());
        assertThat(own.path("status").asText()).as("%s", own).isEqualTo("COMPLETED");
        assertThat(own.path("result").path("watermarked").asBoolean()).isTrue();
        assertThat(own.path("result").path("jobId").asText()).isEqualTo(generation);

        JsonNode other = detect(tenantB, generated.body());
        assertThat(other.path("result").path("watermarked").asBoolean()).isTrue();
        assertThat(other.path("result").has("jobId"))
                .as("tenant B learns nothing of tenant A's jobs")
                .isFalse();
    }

    @Test
    void aRecordingThatNoJobMadeIsNotWatermarked(@TempDir Path dir) throws Exception {
        JsonNode result =
                detect(tenantA, Files.readAllBytes(TestMedia.wav(dir.resolve("tone.wav"), 22_050, 1, 6, 180)));

        assertThat(result.path("status").asText()).as("%s", result).isEqualTo("COMPLETED");
        assertThat(result.path("result").path("watermarked").asBoolean()).isFalse();
        assertThat(result.path("result").has("jobId")).isFalse();
    }

    private static HttpResponse<byte[]> generate(String json) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(SharedStack.stack().gatewayUrl() + "/voice/generate?wait=30"))
                                .header("X-Api-Key", SharedStack.TENANT_A_KEY)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode detect(Api api, byte[] file) {
        return Api.json(api.upload("/voice/watermark/detect?wait=60", "file.wav", file));
    }
}
