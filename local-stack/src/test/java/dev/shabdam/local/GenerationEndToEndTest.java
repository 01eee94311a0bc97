package dev.shabdam.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.pipeline.media.AudioDecoder;
import dev.shabdam.pipeline.media.FfmpegMediaProbe;
import dev.shabdam.pipeline.media.ProbeResult;
import dev.shabdam.pipeline.synthesis.engine.EspeakRequired;
import dev.shabdam.pipeline.watermark.WatermarkDetector;
import dev.shabdam.pipeline.watermark.WatermarkSettings;
import dev.shabdam.schemas.jobs.WatermarkId;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
        String body = "{\"text\":\"ഇന്ന് ₹1,500 ചെലവായി. നാളെ 10:30-ന് കാണാം. "
                + UUID.randomUUID().toString().replaceAll("[0-9-]", "")
                + "\",\"language\":\"ml\",\"emotion\":\"calm\"}";

        HttpResponse<byte[]> first = post("/voice/generate?wait=30", body);
        HttpResponse<byte[]> second = post("/voice/generate?wait=30", body);

        assertThat(first.statusCode()).as(new String(first.body())).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("audio/wav"));
        assertThat(first.headers().firstValue("X-Cache")).contains("MISS");
        Path wav = Files.write(dir.resolve("speech.wav"), first.body());
        ProbeResult probed = new FfmpegMediaProbe().probe(wav.toFile());
        assertThat(probed.durationSec()).isGreaterThan(2.0);
        assertThat(probed.sampleRateHz()).isEqualTo(22_050);

        assertThat(second.headers().firstValue("X-Cache")).contains("HIT");
        assertSameSpeechMarkedForEachJob(first, second);

        String jobId = first.headers().firstValue("X-Job-Id").orElseThrow();
        // the answer comes from voice.replies at once; the table follows within the sink's batch interval
        JsonNode job = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> Api.json(api.get("/jobs/" + jobId)),
                        row -> row.path("status").asText().equals("COMPLETED"));
        assertThat(job.path("result").path("normalized").asText())
                .contains("രൂപ")
                .doesNotContain("₹", "10:30");
    }

    @Test
    void identicalRequestsAtOnceShareOneSynthesisAndAnswerTheSameBytes() throws Exception {
        String body = "{\"text\":\"ഒരേ സമയം രണ്ടുപേർ ചോദിച്ചു. "
                + UUID.randomUUID().toString().replaceAll("[0-9-]", "") + "\",\"language\":\"ml\"}";

        CompletableFuture<HttpResponse<byte[]>> one = postAsync(SharedStack.TENANT_A_KEY, body);
        CompletableFuture<HttpResponse<byte[]>> other = postAsync(SharedStack.TENANT_A_KEY, body);
        List<HttpResponse<byte[]>> answers = List.of(one.get(60, TimeUnit.SECONDS), other.get(60, TimeUnit.SECONDS));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        assertThat(answers)
                .extracting(answer -> answer.headers().firstValue("X-Cache").orElseThrow())
                .as("one synthesis; the other answered from what it stored")
                .containsExactlyInAnyOrder("MISS", "HIT");
        assertSameSpeechMarkedForEachJob(answers.get(0), answers.get(1));
    }

    @Test
    void aTenantsCacheIsItsOwn() throws Exception {
        String body = "{\"text\":\"ഇത് എന്റെ വാക്യമാണ്. "
                + UUID.randomUUID().toString().replaceAll("[0-9-]", "") + "\",\"language\":\"ml\"}";

        HttpResponse<byte[]> a = generate(SharedStack.TENANT_A_KEY, body);
        HttpResponse<byte[]> b = generate(SharedStack.TENANT_B_KEY, body);
        HttpResponse<byte[]> bAgain = generate(SharedStack.TENANT_B_KEY, body);

        assertThat(a.headers().firstValue("X-Cache")).contains("MISS");
        assertThat(b.headers().firstValue("X-Cache"))
                .as("tenant A's audio tells tenant B nothing")
                .contains("MISS");
        assertThat(bAgain.headers().firstValue("X-Cache")).contains("HIT");
        assertSameSpeechMarkedForEachJob(b, bAgain);
        String aObject = cacheObject(a);
        String bObject = cacheObject(b);
        assertThat(aObject).startsWith("cache/tts/tenants/tenant-a/");
        assertThat(bObject).startsWith("cache/tts/tenants/tenant-b/");
        assertThat(cacheObject(bAgain)).isEqualTo(bObject);
    }

    @Test
    void tenantsConfiguredToShareTheCacheShareIt() throws Exception {
        String body = "{\"text\":\"ഇത് നമ്മുടെ വാക്യമാണ്. "
                + UUID.randomUUID().toString().replaceAll("[0-9-]", "") + "\",\"language\":\"ml\"}";

        HttpResponse<byte[]> c = generate(SharedStack.SHARING_C_KEY, body);
        HttpResponse<byte[]> d = generate(SharedStack.SHARING_D_KEY, body);

        assertThat(c.headers().firstValue("X-Cache")).contains("MISS");
        assertThat(d.headers().firstValue("X-Cache")).contains("HIT");
        assertSameSpeechMarkedForEachJob(c, d);
        assertThat(cacheObject(d)).isEqualTo(cacheObject(c)).startsWith("cache/tts/shared/");
    }

    @Test
    void streamsTheFirstSentenceAsAWavStream() throws Exception {
        String body = "{\"text\":\"ഒന്നാമത്തെ വാക്യം. രണ്ടാമത്തെ വാക്യം. മൂന്നാമത്തെ വാക്യം. "
                + UUID.randomUUID().toString().replaceAll("[0-9-]", "") + "\",\"language\":\"ml\"}";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(SharedStack.stack().gatewayUrl() + "/voice/generate/stream"))
                .header("X-Api-Key", SharedStack.TENANT_A_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();

        HttpResponse<InputStream> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream audio = response.body()) {
            byte[] header = audio.readNBytes(44);
            assertThat(new String(header, 0, 4)).isEqualTo("RIFF");
            assertThat(new String(header, 8, 4)).isEqualTo("WAVE");
            byte[] pcm = audio.readAllBytes();
            assertThat(pcm.length)
                    .as("three sentences of 16-bit speech at 22.05 kHz")
                    .isGreaterThan(3 * 22_050);
        }
    }

    @Test
    void badRequestsGetTheirCodesFromTheGateway() {
        assertThat(Api.json(api.post("/voice/generate", "application/json", "{\"text\":\"hi\",\"speed\":10}"))
                        .path("code")
                        .asText())
                .isEqualTo("invalid_parameter");
        assertThat(Api.json(api.post(
                                "/voice/generate", "application/json", "{\"text\":\"bonjour\",\"language\":\"fr\"}"))
                        .path("code")
                        .asText())
                .isEqualTo("unsupported_language");
        assertThat(Api.json(api.post("/voice/generate", "application/json", "{\"text\":\"\"}"))
                        .path("code")
                        .asText())
                .isEqualTo("empty_text");
    }

    private static HttpResponse<byte[]> post(String path, String json) throws Exception {
        return HttpClient.newHttpClient()
                .send(request(path, SharedStack.TENANT_A_KEY, json), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> generate(String apiKey, String json) throws Exception {
        return postAsync(apiKey, json).get(60, TimeUnit.SECONDS);
    }

    private static CompletableFuture<HttpResponse<byte[]>> postAsync(String apiKey, String json) {
        return HttpClient.newHttpClient()
                .sendAsync(request("/voice/generate?wait=30", apiKey, json), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest request(String path, String apiKey, String json) {
        return HttpRequest.newBuilder(URI.create(SharedStack.stack().gatewayUrl() + path))
                .header("X-Api-Key", apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    /**
     * Two answers of one cached synthesis: the same speech (what one job's mark adds to it is 35 dB under it),
     * each carrying its own job's watermark, as the detector finds it in the WAV the client got.
     */
    private static void assertSameSpeechMarkedForEachJob(HttpResponse<byte[]> one, HttpResponse<byte[]> other)
            throws Exception {
        float[] a = samples(one.body());
        float[] b = samples(other.body());
        assertThat(b).hasSameSizeAs(a);
        double signal = 0;
        double difference = 0;
        for (int i = 0; i < a.length; i++) {
            signal += (double) a[i] * a[i];
            difference += (double) (a[i] - b[i]) * (a[i] - b[i]);
        }
        assertThat(10 * Math.log10(signal / difference)).as("the same speech").isGreaterThan(35);
        WatermarkDetector detector = new WatermarkDetector(WatermarkSettings.DEVELOPMENT.key());
        for (HttpResponse<byte[]> answer : List.of(one, other)) {
            String jobId = answer.headers().firstValue("X-Job-Id").orElseThrow();
            assertThat(detector.detect(samples(answer.body()), 22_050).payload())
                    .as("the mark of job %s", jobId)
                    .hasValue(WatermarkId.of(jobId));
        }
    }

    private static float[] samples(byte[] wav) throws Exception {
        Path file = Files.createTempFile("shabdam-answer-", ".wav");
        try {
            Files.write(file, wav);
            return new AudioDecoder().decode(file.toFile()).channels()[0];
        } finally {
            Files.delete(file);
        }
    }

    /** The synthesis cache's object behind the job's audio, as its table row names it once the sinks have written. */
    private static String cacheObject(HttpResponse<byte[]> answer) {
        String jobId = answer.headers().firstValue("X-Job-Id").orElseThrow();
        PostgresServer.JdbcTarget db = SharedStack.stack().database();
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> {
                            try (Connection connection =
                                            DriverManager.getConnection(db.url(), db.user(), db.password());
                                    PreparedStatement query = connection.prepareStatement(
                                            "SELECT c.storage_key FROM jobs j JOIN synthesis_cache c"
                                                    + " ON c.cache_key = j.result->>'cacheKey'"
                                                    + " AND c.format = j.result->>'format'"
                                                    + " WHERE j.job_id = ? AND j.status = 'COMPLETED'")) {
                                query.setString(1, jobId);
                                try (ResultSet row = query.executeQuery()) {
                                    return row.next() ? row.getString(1) : null;
                                }
                            }
                        },
                        Objects::nonNull);
    }
}
