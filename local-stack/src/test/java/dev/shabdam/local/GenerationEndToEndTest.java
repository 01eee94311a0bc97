package dev.shabdam.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.pipeline.media.FfmpegMediaProbe;
import dev.shabdam.pipeline.media.ProbeResult;
import dev.shabdam.pipeline.synthesis.engine.EspeakRequired;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Malayalam speech through the whole stack: gateway → Kafka → Flink (espeak-ng) → voice.replies → gateway. */
@ExtendWith(SharedStack.class)
class GenerationEndToEndTest {

    private final Api api = SharedStack.api(SharedStack.TENANT_A_KEY);

    @BeforeAll
    static void needsEspeak() {
        EspeakRequired.assumeInstalled("GenerationEndToEndTest");
    }

    @Test
    void speaksMalayalamAndAnswersTheSecondTimeFromTheCache(@TempDir Path dir) throws Exception {
        String body = "{\"text\":\"ഇന്ന് ₹1,500 ചെലവായി. നാളെ 10:30-ന് കാണാം. " + UUID.randomUUID().toString().replaceAll("[0-9-]", "")
                + "\",\"language\":\"ml\",\"emotion\":\"calm\"}";

        HttpResponse<byte[]> first = post("/voice/generate?wait=30", body);
        HttpResponse<byte[]> second = post("/voice/generate?wait=30", body);

        assertThat(first.statusCode()).as(new String(first.body())).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("audio/wav"));
        assertThat(first.headers().firstValue("X-Cache")).contains("MISS");
        Path wav = Files.write(dir.resolve("speech.wav"), first.body());
        ProbeResult probed = new FfmpegMediaProbe().probe(wav.toFile());
        assertThat(probed.durationSec()).isGreaterThan(2.0);
        assertThat(probed.sampleRateHz()).isEqualTo(22_050);

        assertThat(second.headers().firstValue("X-Cache")).contains("HIT");
        assertThat(second.body()).as("a cache hit answers identical bytes").isEqualTo(first.body());

        String jobId = first.headers().firstValue("X-Job-Id").orElseThrow();
        // the answer comes from voice.replies at once; the table follows within the sink's batch interval
        JsonNode job = await().atMost(Duration.ofSeconds(10)).until(() -> Api.json(api.get("/jobs/" + jobId)),
                row -> row.path("status").asText().equals("COMPLETED"));
        assertThat(job.path("result").path("normalized").asText()).contains("രൂപ").doesNotContain("₹", "10:30");
    }

    @Test
    void streamsTheFirstSentenceAsAWavStream() throws Exception {
        String body = "{\"text\":\"ഒന്നാമത്തെ വാക്യം. രണ്ടാമത്തെ വാക്യം. മൂന്നാമത്തെ വാക്യം. "
                + UUID.randomUUID().toString().replaceAll("[0-9-]", "") + "\",\"language\":\"ml\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(SharedStack.stack().gatewayUrl() + "/voice/generate/stream"))
                .header("X-Api-Key", SharedStack.TENANT_A_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();

        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream audio = response.body()) {
            byte[] header = audio.readNBytes(44);
            assertThat(new String(header, 0, 4)).isEqualTo("RIFF");
            assertThat(new String(header, 8, 4)).isEqualTo("WAVE");
            byte[] pcm = audio.readAllBytes();
            assertThat(pcm.length).as("three sentences of 16-bit speech at 22.05 kHz").isGreaterThan(3 * 22_050);
        }
    }

    @Test
    void badRequestsGetTheirCodesFromTheGateway() {
        assertThat(Api.json(api.post("/voice/generate", "application/json", "{\"text\":\"hi\",\"speed\":10}"))
                .path("code").asText()).isEqualTo("invalid_parameter");
        assertThat(Api.json(api.post("/voice/generate", "application/json", "{\"text\":\"bonjour\",\"language\":\"fr\"}"))
                .path("code").asText()).isEqualTo("unsupported_language");
        assertThat(Api.json(api.post("/voice/generate", "application/json", "{\"text\":\"\"}"))
                .path("code").asText()).isEqualTo("empty_text");
    }

    private static HttpResponse<byte[]> post(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SharedStack.stack().gatewayUrl() + path))
                .header("X-Api-Key", SharedStack.TENANT_A_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
