package dev.shabdam.gateway.operations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.schemas.RecordCodec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The state of the pipeline's Flink job, from Flink's REST API ({@code GET /jobs/overview}). */
class FlinkJobs {
    /** No job of that name in the overview: never submitted, or removed. */
    static final String NOT_FOUND = "NOT_FOUND";
    /** The REST API did not answer, or not with an overview. */
    static final String UNREACHABLE = "UNREACHABLE";

    static final String RUNNING = "RUNNING";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI overview;
    private final String jobName;

    FlinkJobs(URI restUrl, String jobName) {
        this.overview = URI.create(restUrl.toString().replaceAll("/+$", "") + "/jobs/overview");
        this.jobName = jobName;
    }

    /** The job's state as Flink names it ({@code RUNNING}, {@code RESTARTING}, {@code FAILED} …), or {@link #UNREACHABLE}. */
    String state() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(overview).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    ? stateIn(RecordCodec.mapper().readTree(response.body()), jobName)
                    : UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNREACHABLE;
        } catch (IOException | RuntimeException e) {
            return UNREACHABLE;
        }
    }

    /**
     * The state of the job named {@code jobName} in an overview: a running one if there is one, else the one
     * started last (a session cluster keeps the jobs that ended), else {@link #NOT_FOUND}.
     */
    static String stateIn(JsonNode overview, String jobName) {
        String state = NOT_FOUND;
        long latestStart = Long.MIN_VALUE;
        for (JsonNode job : overview.path("jobs")) {
            if (!jobName.equals(job.path("name").asText())) {
                continue;
            }
            if (RUNNING.equals(job.path("state").asText())) {
                return RUNNING;
            }
            long start = job.path("start-time").asLong(Long.MIN_VALUE);
            if (state.equals(NOT_FOUND) || start > latestStart) {
                state = job.path("state").asText(UNREACHABLE);
                latestStart = start;
            }
        }
        return state;
    }

    URI url() {
        return overview;
    }
}
