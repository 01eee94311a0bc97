package dev.shabdam.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.jobs.AnalyzeJob;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** A small client of the REST API, for the command line and the demo. */
public final class ShabdamClient {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey;

    public ShabdamClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.apiKey = apiKey;
    }

    /** Uploads a file as the recording of an analysis (form field {@value AnalyzeJob#MEDIA}); answers the job id. */
    public String submit(String path, Path file) throws IOException, InterruptedException {
        return submit(path, AnalyzeJob.inputs(file));
    }

    /** Uploads each file as the multipart field of its name; answers the job id. */
    public String submit(String path, Map<String, Path> files) throws IOException, InterruptedException {
        String boundary = "shabdam-" + UUID.randomUUID();
        List<HttpRequest.BodyPublisher> body = new ArrayList<>();
        for (Map.Entry<String, Path> part : files.entrySet()) {
            body.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"" + part.getKey() + "\"; filename=\""
                    + part.getValue().getFileName() + "\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n"));
            body.add(HttpRequest.BodyPublishers.ofFile(part.getValue()));
            body.add(HttpRequest.BodyPublishers.ofString("\r\n"));
        }
        body.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
        HttpRequest request = authorized(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(body.toArray(HttpRequest.BodyPublisher[]::new)))
                .build();
        JsonNode answer = expect(http.send(request, HttpResponse.BodyHandlers.ofString()), 202);
        return answer.get("jobId").asText();
    }

    /**
     * {@code POST /voice/generate} (or {@code /voice/generate/stream}) with a JSON body; answers the
     * raw response: 200 with audio, 202 with the job when it did not finish within the wait.
     */
    public HttpResponse<java.io.InputStream> generate(String path, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest request = authorized(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        RecordCodec.mapper().writeValueAsBytes(body)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    public JsonNode job(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId);
    }

    /** A GET of the API that answers JSON with 200. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        return expect(http.send(authorized(path).GET().build(), HttpResponse.BodyHandlers.ofString()), 200);
    }

    /** Follows the job's server-sent events until the stream ends (after the final event). */
    public void followEvents(String jobId, Consumer<ServerSentEvent> listener)
            throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = http.send(
                authorized("/jobs/" + jobId + "/events")
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IOException("events of " + jobId + ": HTTP " + response.statusCode());
        }
        try (Stream<String> lines = response.body()) {
            ServerSentEvent.parse(lines, listener);
        }
    }

    public void download(String path, Path target) throws IOException, InterruptedException {
        HttpResponse<Path> response =
                http.send(authorized(path).GET().build(), HttpResponse.BodyHandlers.ofFile(target));
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": HTTP " + response.statusCode());
        }
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("X-Api-Key", apiKey);
    }

    private static JsonNode expect(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return RecordCodec.mapper().readTree(response.body().getBytes(StandardCharsets.UTF_8));
    }
}
