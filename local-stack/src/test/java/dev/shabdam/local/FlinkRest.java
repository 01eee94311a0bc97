package dev.shabdam.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.schemas.RecordCodec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** What Flink's own REST API says of the running pipeline job, as an operator would ask it. */
final class FlinkRest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FlinkRest() {}

    /**
     * The {@code numRestarts} metric of the one RUNNING job of the cluster at {@code restUrl}. The REST
     * server fetches metrics every few seconds ({@code metrics.fetcher.update-interval}) and answers an
     * empty list until its first fetch, so an empty answer is asked again.
     */
    static long numRestarts(String restUrl) {
        long[] restarts = new long[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    restarts[0] = fetchNumRestarts(restUrl);
                    return true;
                });
        return restarts[0];
    }

    private static long fetchNumRestarts(String restUrl) throws IOException, InterruptedException {
        String running = null;
        for (JsonNode job : get(restUrl + "/jobs/overview").path("jobs")) {
            if (job.path("state").asText().equals("RUNNING")) {
                running = job.path("jid").asText();
            }
        }
        if (running == null) {
            throw new IllegalStateException("no RUNNING job at " + restUrl);
        }
        for (JsonNode metric : get(restUrl + "/jobs/" + running + "/metrics?get=numRestarts")) {
            return metric.path("value").asLong();
        }
        throw new IllegalStateException("the job reports no numRestarts metric");
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return RecordCodec.mapper().readTree(response.body());
    }
}
