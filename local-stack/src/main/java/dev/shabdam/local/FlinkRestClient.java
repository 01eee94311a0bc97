package dev.shabdam.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shabdam.schemas.RecordCodec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The JobManager's REST API, as a user drives it: upload a jar, run it, ask about jobs and TaskManagers. */
public final class FlinkRestClient {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String url;

    public FlinkRestClient(String url) {
        this.url = url;
    }

    public String url() {
        return url;
    }

    /** {@code POST /jars/upload}: the jar's id on the JobManager. */
    public String uploadJar(Path jar) throws IOException, InterruptedException {
        String boundary = "shabdam-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n";
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString(head),
                HttpRequest.BodyPublishers.ofFile(jar),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(url + "/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(2))
                .POST(body));
        // the answer names the stored file, "/…/flink-web-upload/<uuid>_<name>.jar"; its last segment is the id
        String stored = answer.path("filename").asText();
        return stored.substring(stored.lastIndexOf('/') + 1);
    }

    /** {@code POST /jars/:id/run}: the new job's id. */
    public String runJar(String jarId, String entryClass, List<String> args, int parallelism)
            throws IOException, InterruptedException {
        ObjectNode request = RecordCodec.mapper().createObjectNode();
        request.put("entryClass", entryClass);
        request.put("parallelism", parallelism);
        args.forEach(request.putArray("programArgsList")::add);
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(url + "/jars/" + jarId + "/run"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(request.toString())));
        return answer.path("jobid").asText();
    }

    /** {@code GET /jobs/:id}: the job's state and each vertex's. */
    public JsonNode job(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId);
    }

    /** True once the job and every one of its vertices run. */
    public boolean isRunning(String jobId) throws IOException, InterruptedException {
        JsonNode job = job(jobId);
        if (!job.path("state").asText().equals("RUNNING")) {
            return false;
        }
        for (JsonNode vertex : job.path("vertices")) {
            if (!vertex.path("status").asText().equals("RUNNING")) {
                return false;
            }
        }
        return true;
    }

    /** {@code GET /taskmanagers}: the ids of the TaskManagers registered with the ResourceManager. */
    public List<String> taskManagerIds() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (JsonNode taskManager : get("/taskmanagers").path("taskmanagers")) {
            ids.add(taskManager.path("id").asText());
        }
        return ids;
    }

    /** {@code GET /taskmanagers}: the ids of the TaskManagers with at least one slot in use. */
    public List<String> busyTaskManagerIds() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (JsonNode taskManager : get("/taskmanagers").path("taskmanagers")) {
            if (taskManager.path("freeSlots").asInt()
                    < taskManager.path("slotsNumber").asInt()) {
                ids.add(taskManager.path("id").asText());
            }
        }
        return ids;
    }

    /** {@code PATCH /jobs/:id?mode=cancel}. */
    public void cancel(String jobId) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(url + "/jobs/" + jobId + "?mode=cancel"))
                .timeout(Duration.ofSeconds(30))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(10))
                .GET());
    }

    private static JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.build();
        HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(
                    built.method() + " " + built.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty()
                ? RecordCodec.mapper().createObjectNode()
                : RecordCodec.mapper().readTree(response.body());
    }
}
