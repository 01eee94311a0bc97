package dev.shabdam.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.pipeline.media.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Comparison through the whole stack, and the analytics that the finished jobs feed. */
@ExtendWith(SharedStack.class)
class CompareAndAnalyticsEndToEndTest {

    /** Tenant B's own key: its analytics hold only what this class submits. */
    private final Api api = SharedStack.api(SharedStack.TENANT_B_KEY);

    @Test
    void comparesTwoRecordingsAndCountsTheJobs(@TempDir Path dir) throws Exception {
        byte[] a = Files.readAllBytes(TestMedia.wav(dir.resolve("a.wav"), 16_000, 1, 1.0, 200));
        byte[] b = Files.readAllBytes(TestMedia.wav(dir.resolve("b.wav"), 16_000, 1, 2.0, 200));

        HttpResponse<String> compared = api.upload(
                "/voice/compare?wait=60", Map.of("a", new Api.Part("a.wav", a), "b", new Api.Part("b.wav", b)));

        JsonNode job = Api.json(compared);
        assertThat(job.path("status").asText()).as(compared.body()).isEqualTo("COMPLETED");
        JsonNode result = job.path("result");
        assertThat(result.path("durationRatio").asDouble()).isCloseTo(0.5, within(0.02));
        assertThat(result.path("embedding").asText()).isEqualTo("mfcc-stats");
        assertThat(result.has("speakerSimilarity")).isTrue();
        assertThat(result.has("melCepstralDistortionDb")).isTrue();

        JsonNode analyzed = Api.json(api.upload("/voice/analyze?wait=60", "a.wav", a));
        assertThat(analyzed.path("status").asText()).isEqualTo("COMPLETED");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        JsonNode analytics = Api.json(api.get("/voice/analytics?from=" + today + "&to=" + tomorrow + "&groupBy=type"));
        JsonNode byType = analytics.path("groups");
        assertThat(byType.findValuesAsText("key")).contains("ANALYZE", "COMPARE");
        for (JsonNode group : byType) {
            assertThat(group.path("completed").asInt()).as(group.toString()).isPositive();
            assertThat(group.path("stages").findValuesAsText("stage")).isNotEmpty();
        }
        assertThat(analytics.path("totals").path("analyses").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(analytics.path("totals").path("mediaMinutes").asDouble()).isPositive();
    }
}
