package dev.shabdam.gateway.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.gateway.GatewayTestSupport;
import dev.shabdam.gateway.Http;
import dev.shabdam.gateway.Media;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.RequestAction;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceRequest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Status, waiting, events, outputs and cancellation, with the test in the pipeline's place. */
class JobLifecycleTest extends GatewayTestSupport {
    private static final String RESULT = "{\"durationSec\":3.0,\"snrDb\":31.5,\"suggestions\":[]}";

    @Test
    void waitAnswersTheCompletedJobWhenItsFinalEventArrives() throws Exception {
        Set<String> known =
                Set.copyOf(requests().stream().map(VoiceRequest::jobId).toList());
        CompletableFuture<HttpResponse<byte[]>> answer = http.client()
                .sendAsync(
                        http.uploadRequest("/voice/analyze?wait=5", KEY_A, "w.wav", Media.wav(500))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        // the pipeline's part: take the request, run it, report
        await().untilAsserted(() -> assertThat(requests()).anyMatch(r -> !known.contains(r.jobId())));
        String jobId = requests().stream()
                .map(VoiceRequest::jobId)
                .filter(id -> !known.contains(id))
                .findFirst()
                .orElseThrow();
        produce(progress(jobId, 1, "probe", 0.3, null));
        produce(completed(jobId, 2, RESULT, Map.of("report", StorageKeys.output(jobId, "report.json"))));

        HttpResponse<byte[]> response = answer.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode job = Http.json(response);
        assertThat(job.get("jobId").asText()).isEqualTo(jobId);
        assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.get("result").get("snrDb").asDouble()).isEqualTo(31.5);
        assertThat(job.get("outputs").get("report").asText()).isEqualTo("/jobs/" + jobId + "/outputs/report");
    }

    @Test
    void waitAnswers202WhenTheJobDoesNotEndInTime() {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.upload("/voice/analyze?wait=1", KEY_A, "w.wav", Media.wav(500));
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(Http.json(response).get("status").asText()).isEqualTo("QUEUED");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void eventsReplayTheTableThenFollowLiveEventsWithoutDuplicates() {
        String jobId = newJobId();
        insertJob(jobId, "tenantA", "RUNNING", Instant.now(), null, null);
        insertEvent(progress(jobId, 1, "probe", 0.1, null));
        insertEvent(progress(jobId, 2, "metrics", 0.4, 0));

        List<String[]> received = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            HttpResponse<Stream<String>> stream = http.client()
                    .send(
                            http.request("/jobs/" + jobId + "/events", KEY_A)
                                    .header("Accept", "text/event-stream")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofLines());
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            Iterator<String> lines = stream.body().iterator();
            List<String[]> events = new ArrayList<>();
            readEvents(lines, events, 2);
            // the two stored events came; now the pipeline goes on, redelivering seq 2 once
            produce(progress(jobId, 2, "metrics", 0.4, 0));
            produce(progress(jobId, 3, "metrics", 0.8, 1));
            produce(completed(jobId, 4, RESULT, Map.of()));
            readEvents(lines, events, Integer.MAX_VALUE);
            return events;
        });

        assertThat(received).extracting(e -> e[0]).containsExactly("1", "2", "3", "4");
        assertThat(received).extracting(e -> e[1]).containsExactly("progress", "progress", "progress", "completed");
        JsonNode third = json(received.get(2)[2]);
        assertThat(third.get("stage").asText()).isEqualTo("metrics");
        assertThat(third.get("percent").asInt()).isEqualTo(80);
        assertThat(third.get("segment").asInt()).isEqualTo(1);
        JsonNode done = json(received.get(3)[2]);
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("result").get("durationSec").asDouble()).isEqualTo(3.0);
    }

    @Test
    void eventsOfAFinishedJobAreReplayedAndTheStreamEnds() throws Exception {
        String jobId = newJobId();
        insertJob(jobId, "tenantA", "COMPLETED", Instant.now(), RESULT, null);
        insertEvent(progress(jobId, 1, "probe", 0.5, null));
        insertEvent(completed(jobId, 2, null, Map.of()));

        HttpResponse<String> response = http.client()
                .send(
                        http.request("/jobs/" + jobId + "/events", KEY_A).GET().build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).contains("event:progress", "event:completed", "\"status\":\"COMPLETED\"");
    }

    @Test
    void anOutputDownloadsFromStorageAndOnlyToItsTenant() throws Exception {
        String jobId = newJobId();
        String key = StorageKeys.output(jobId, "report.json");
        byte[] report = "{\"report\":[1,2,3]}".getBytes(StandardCharsets.UTF_8);
        Path file = STORAGE.resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, report);
        insertJob(jobId, "tenantA", "COMPLETED", Instant.now(), RESULT, "{\"report\":\"" + key + "\"}");

        HttpResponse<byte[]> whole = http.get("/jobs/" + jobId + "/outputs/report", KEY_A);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(report);
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(whole.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));

        // a range is read from storage as a range (its headers and refusals: JobControllerTests)
        HttpResponse<byte[]> part = http.send(http.request("/jobs/" + jobId + "/outputs/report", KEY_A)
                .header("Range", "bytes=2-5")
                .GET()
                .build());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(report, 2, 6));

        assertProblem(http.get("/jobs/" + jobId + "/outputs/video", KEY_A), 404, "output_not_found");
        assertProblem(http.get("/jobs/" + jobId + "/outputs/report", KEY_B), 404, "job_not_found");
    }

    @Test
    void deletingARunningJobCancelsItThroughThePipeline() throws Exception {
        String jobId = newJobId();
        insertJob(jobId, "tenantA", "RUNNING", Instant.now(), null, null);

        CompletableFuture<HttpResponse<byte[]>> answer = http.client()
                .sendAsync(
                        http.request("/jobs/" + jobId, KEY_A).DELETE().build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        // the pipeline's part: its cancellation gate takes the request, its sink records the CANCELLED event it emits
        await().untilAsserted(() -> assertThat(requestsOf(jobId))
                .singleElement()
                .satisfies(r -> assertThat(r.action()).isEqualTo(RequestAction.CANCEL)));
        assertThat(jobStatus(jobId))
                .as("the job's state is the pipeline's to write")
                .isEqualTo("RUNNING");
        jdbc.sql("UPDATE jobs SET status = 'CANCELLED', progress = 1 WHERE job_id = ?")
                .param(jobId)
                .update();
        produce(cancelled(jobId, 3));

        HttpResponse<byte[]> response = answer.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(Http.json(response).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(jobStatus(jobId)).isEqualTo("CANCELLED");

        // deleting it again, now that it has ended, deletes its media (MediaDeletionTest) and keeps it CANCELLED
        HttpResponse<byte[]> again =
                http.send(http.request("/jobs/" + jobId, KEY_A).DELETE().build());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Http.json(again).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(Http.json(again).get("mediaDeletedAt").isNull()).isFalse();
        assertThat(requestsOf(jobId)).as("the pipeline is told once").hasSize(1);
    }

    @Test
    void jobsAreListedNewestFirstPageByPage() {
        Instant base = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = newJobId();
            ids.add(0, id);
            insertJob(id, "tenantB", i == 0 ? "FAILED" : "COMPLETED", base.plusSeconds(i), null, null);
        }

        JsonNode first = Http.json(http.get("/jobs?limit=2", KEY_B));
        assertThat(first.get("items"))
                .extracting(item -> item.get("jobId").asText())
                .containsExactly(ids.get(0), ids.get(1));
        String cursor = first.get("nextCursor").asText();
        JsonNode second = Http.json(http.get("/jobs?limit=2&cursor=" + cursor, KEY_B));
        assertThat(second.get("items"))
                .extracting(item -> item.get("jobId").asText())
                .containsExactly(ids.get(2));
        assertThat(second.get("nextCursor").isNull()).isTrue();

        JsonNode failed = Http.json(http.get("/jobs?status=FAILED&type=ANALYZE", KEY_B));
        assertThat(failed.get("items"))
                .extracting(item -> item.get("jobId").asText())
                .containsExactly(ids.get(2));
        assertProblem(http.get("/jobs?cursor=nonsense!", KEY_B), 400, "invalid_cursor");
        assertProblem(http.get("/jobs?limit=0", KEY_B), 400, "invalid_limit");
    }

    /** Reads SSE events as [id, name, data] until {@code count} more arrived or the stream ended. */
    private static void readEvents(Iterator<String> lines, List<String[]> events, int count) {
        int target = count == Integer.MAX_VALUE ? Integer.MAX_VALUE : events.size() + count;
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        while (events.size() < target && lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (name != null) {
                    events.add(new String[] {id, name, data.toString()});
                }
                id = null;
                name = null;
                data.setLength(0);
            } else if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5));
            }
        }
    }

    private static JsonNode json(String text) {
        try {
            return RecordCodec.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }
}
