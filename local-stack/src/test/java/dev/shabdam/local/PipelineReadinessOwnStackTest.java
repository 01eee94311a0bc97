package dev.shabdam.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.schemas.RecordCodec;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a stack of its own, in a JVM of its own (see the pom): the gateway is ready while the pipeline's
 * Flink job runs, and once the job is stopped, readiness goes DOWN within the stall bound, the job's state
 * exported to Prometheus. Before this, a failed pipeline left every job QUEUED while health said UP.
 */
class PipelineReadinessOwnStackTest {
    private static final Duration STALL_BOUND = Duration.ofSeconds(20);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void stoppingThePipelineTakesReadinessDownWithinTheBound() throws Exception {
        StackSettings settings = TestStacks.settings()
                .apiKeys("tenant-r:key-readiness")
                .fileStorage(true)
                .parallelism(1)
                .gatewayEnvironment(Map.of("SHABDAM_QUEUE_STALL_SECONDS", Long.toString(STALL_BOUND.toSeconds())))
                .build();
        try (LocalStack stack = LocalStack.start(settings)) {
            JsonNode ready = json(get(stack.gatewayUrl() + "/actuator/health/readiness"));
            assertThat(ready.path("status").asText()).isEqualTo("UP");
            assertThat(ready.path("components")
                            .path("pipeline")
                            .path("details")
                            .path("flinkJob")
                            .asText())
                    .isEqualTo("RUNNING");
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(get(stack.gatewayUrl() + "/actuator/prometheus")
                                    .body())
                            .contains("shabdam_pipeline_job_state{state=\"RUNNING\"} 1.0"));

            // stopped as an operator would, through Flink's REST API (a job that failed for good looks the same)
            String jobId = json(get(stack.flinkRestUrl() + "/jobs/overview"))
                    .path("jobs")
                    .get(0)
                    .path("jid")
                    .asText();
            HttpResponse<String> cancel = HTTP.send(
                    HttpRequest.newBuilder(URI.create(stack.flinkRestUrl() + "/jobs/" + jobId + "?mode=cancel"))
                            .method("PATCH", HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);

            await().atMost(STALL_BOUND).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                HttpResponse<String> readiness = get(stack.gatewayUrl() + "/actuator/health/readiness");
                assertThat(readiness.statusCode()).isEqualTo(503);
                JsonNode pipeline = json(readiness).path("components").path("pipeline");
                assertThat(pipeline.path("status").asText()).isEqualTo("DOWN");
                // CANCELED, or UNREACHABLE: the local MiniCluster, like a per-job cluster, goes with its job
                assertThat(pipeline.path("details").path("flinkJob").asText())
                        .isIn("CANCELLING", "CANCELED", "UNREACHABLE");
                assertThat(pipeline.path("details").path("problems").toString()).contains("the Flink job is ");
            });
            String metrics = get(stack.gatewayUrl() + "/actuator/prometheus").body();
            assertThat(metrics)
                    .contains("shabdam_pipeline_job_state{state=\"RUNNING\"} 0.0", "shabdam_pipeline_ready 0.0");
            assertThat(get(stack.gatewayUrl() + "/actuator/health/liveness").statusCode())
                    .as("the gateway itself lives on: it is not restarted for the pipeline's sake")
                    .isEqualTo(200);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return RecordCodec.mapper().readTree(response.body());
    }
}
