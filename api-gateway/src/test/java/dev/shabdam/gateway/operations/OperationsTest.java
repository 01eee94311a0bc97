package dev.shabdam.gateway.operations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.gateway.GatewayTestSupport;
import dev.shabdam.gateway.Http;
import dev.shabdam.gateway.Media;
import dev.shabdam.schemas.JobType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Health, metrics and the OpenAPI document, all without an API key. */
class OperationsTest extends GatewayTestSupport {
    @Autowired
    BuildProperties build;

    @Test
    void readinessIsUpWithDatabaseKafkaStorageAndAPipelineThatConsumes() throws Exception {
        // the tests play the pipeline and leave jobs queued: it has just moved a job of each latency class
        PipelineProgress.moved(jdbc, JobType.GENERATE);
        PipelineProgress.moved(jdbc, JobType.ANALYZE);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                http.get("/actuator/health/readiness", null).statusCode())
                        .isEqualTo(200));

        HttpResponse<byte[]> response = http.get("/actuator/health/readiness", null);
        assertThat(response.statusCode())
                .as(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        JsonNode health = Http.json(response);
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .as("no path of the machine, without an API key")
                .doesNotContain(STORAGE.toString());
        for (String component : new String[] {"db", "kafka", "storage", "pipeline"}) {
            assertThat(health.get("components").get(component).get("status").asText())
                    .as(component)
                    .isEqualTo("UP");
        }
        assertThat(http.get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusShowsSubmittedJobsAndProblems() {
        assertThat(http.upload("/voice/analyze", KEY_A, "m.wav", Media.wav(100)).statusCode())
                .isEqualTo(202);
        assertThat(http.get("/jobs/" + newJobId(), KEY_A).statusCode()).isEqualTo(404);

        HttpResponse<byte[]> response = http.get("/actuator/prometheus", null);
        assertThat(response.statusCode()).isEqualTo(200);
        String metrics = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(metrics).containsPattern("shabdam_jobs_submitted_total\\{[^}]*type=\"ANALYZE\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("shabdam_problems_total\\{[^}]*code=\"job_not_found\"[^}]*} [1-9]");
    }

    @Test
    void theOpenApiDocumentListsTheApi() {
        HttpResponse<byte[]> response = http.get("/v3/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).get("info").get("version").asText())
                .as("the build's version")
                .isEqualTo(build.getVersion())
                .isNotBlank();
        JsonNode paths = Http.json(response).get("paths");
        assertThat(paths.has("/voice/analyze")).isTrue();
        assertThat(paths.has("/jobs/{jobId}")).isTrue();
        assertThat(paths.get("/voice/analyze").toString()).doesNotContain("tenant");
        assertThat(paths.get("/voice/compare").toString())
                .contains("\"a\"", "\"b\"")
                .doesNotContain("tenant");
        assertThat(paths.get("/voice/analytics").toString()).contains("groupBy").doesNotContain("tenant");
        for (String path : new String[] {
            "/voice/normalize",
            "/voice/generate",
            "/voice/generate/stream",
            "/voice/personas",
            "/voice/personas/{personaId}"
        }) {
            assertThat(paths.has(path)).as(path).isTrue();
            assertThat(paths.get(path).toString()).as(path).doesNotContain("tenant");
        }
        assertThat(paths.get("/voice/generate").toString()).contains("GenerateRequest", "wait", "audio/wav");
        assertThat(http.get("/swagger-ui.html", null).statusCode()).isIn(200, 302);
    }
}
