package dev.shabdam.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A dub of a {@link DubSample} through the API, as a client without {@code ?wait} sends and follows it. */
final class Dubs {
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED");

    private Dubs() {}

    /** Uploads the clip with its subtitles and translation; the job id of the 202. */
    static String submit(Api api, DubSample sample) throws IOException {
        Map<String, Api.Part> parts = new LinkedHashMap<>();
        parts.put("file", new Api.Part("clip.mp4", Files.readAllBytes(sample.video())));
        parts.put("subtitles", new Api.Part("en.srt", Files.readAllBytes(sample.subtitles())));
        parts.put("translation", new Api.Part("ml.srt", Files.readAllBytes(sample.translation())));
        HttpResponse<String> response = api.upload("/voice/dub", parts);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Api.json(response).path("jobId").asText();
    }

    /** The job once it has ended, polled twice a second. */
    static JsonNode awaitEnd(Api api, String jobId, Duration timeout) {
        JsonNode[] job = new JsonNode[1];
        await("dub " + jobId + " ended")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    job[0] = Api.json(api.get("/jobs/" + jobId));
                    return ENDED.contains(job[0].path("status").asText());
                });
        return job[0];
    }
}
