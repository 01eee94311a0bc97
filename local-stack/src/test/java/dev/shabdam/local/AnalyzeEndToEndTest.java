package dev.shabdam.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.local.cli.ServerSentEvent;
import dev.shabdam.local.cli.ShabdamClient;
import dev.shabdam.pipeline.media.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** HTTP upload → Kafka → Flink → PostgreSQL / S3 → HTTP, every part real. */
@ExtendWith(SharedStack.class)
class AnalyzeEndToEndTest {

    private final Api api = SharedStack.api(SharedStack.TENANT_A_KEY);

    @Test
    void analyzeJobCompletesWithTheProbeResult(@TempDir Path dir) throws Exception {
        byte[] wav = Files.readAllBytes(TestMedia.wav(dir.resolve("tone.wav"), 16_000, 1, 1.5, 440));

        HttpResponse<String> submitted = api.upload("/voice/analyze?wait=60", "tone.wav", wav);

        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        JsonNode job = Api.json(submitted);
        assertThat(job.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.path("type").asText()).isEqualTo("ANALYZE");
        assertThat(job.path("progress").asDouble()).isEqualTo(1.0);
        JsonNode result = job.path("result");
        assertThat(result.path("sampleRateHz").asInt()).isEqualTo(16_000);
        assertThat(result.path("channels").asInt()).isEqualTo(1);
        assertThat(result.path("durationSec").asDouble()).isCloseTo(1.5, within(0.05));
        // every field of the API contract is there (null where a tone has no such thing, e.g. speech rate)
        for (String field : List.of(
                "loudness",
                "snrDb",
                "clippingRatio",
                "silenceRatio",
                "pitch",
                "speakingRate",
                "voiceQuality",
                "suggestions")) {
            assertThat(result.has(field)).as(field).isTrue();
        }
        assertThat(result.path("loudness").path("integratedLufs").isNumber()).isTrue();
        assertThat(result.path("loudness").path("truePeakDbtp").isNumber()).isTrue();
        assertThat(result.path("media").path("streams").get(0).path("codec").asText())
                .isEqualTo("pcm_s16le");

        JsonNode polled = Api.json(api.get("/jobs/" + job.path("jobId").asText()));
        assertThat(polled.path("result")).isEqualTo(result);
    }

    @Test
    void eventsArriveInOrderAndTheReportDownloadsWithRanges(@TempDir Path dir) throws Exception {
        byte[] mp4 = Files.readAllBytes(TestMedia.mp4(dir.resolve("clip.mp4"), 2.0));
        HttpResponse<String> submitted = api.upload("/voice/analyze", "clip.mp4", mp4);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String jobId = Api.json(submitted).path("jobId").asText();
        assertThat(Api.json(submitted).path("status").asText()).isEqualTo("QUEUED");

        List<ServerSentEvent> events = new ArrayList<>();
        new ShabdamClient(SharedStack.stack().gatewayUrl(), SharedStack.TENANT_A_KEY).followEvents(jobId, events::add);

        assertThat(events)
                .extracting(ServerSentEvent::name)
                .containsExactly("progress", "progress", "progress", "completed");
        JsonNode job = Api.json(api.get("/jobs/" + jobId));
        assertThat(job.path("result").path("media").path("streams").findValuesAsText("type"))
                .contains("video", "audio");

        String report = job.path("outputs").path("report").asText();
        assertThat(report).isEqualTo("/jobs/" + jobId + "/outputs/report");
        byte[] whole = api.getBytes(report, null).body();
        HttpResponse<byte[]> part = api.getBytes(report, "bytes=2-9");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).containsExactly(Arrays.copyOfRange(whole, 2, 10));
        assertThat(Api.json(api.get(report)).path("durationSec").asDouble()).isCloseTo(2.0, within(0.1));
    }
}
