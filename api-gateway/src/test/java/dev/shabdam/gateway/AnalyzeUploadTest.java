package dev.shabdam.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.RequestAction;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceRequest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** POST /voice/analyze: what is accepted, stored and queued, and every way it refuses. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyzeUploadTest extends GatewayTestSupport {

    @Test
    @Order(1)
    void aWavIsStoredRecordedAndQueued() throws IOException {
        byte[] wav = Media.wav(4000);
        HttpResponse<byte[]> response = http.upload("/voice/analyze", KEY_A, "take one.wav", wav);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = Http.json(response);
        String jobId = body.get("jobId").asText();
        assertThat(body.get("status").asText()).isEqualTo("QUEUED");
        assertThat(body.get("links").get("self").asText()).isEqualTo("/jobs/" + jobId);
        assertThat(body.get("links").get("events").asText()).isEqualTo("/jobs/" + jobId + "/events");
        assertThat(response.headers().firstValue("Location")).hasValue("/jobs/" + jobId);

        assertThat(jobStatus(jobId)).isEqualTo("QUEUED");
        String key = StorageKeys.upload("tenantA", jobId, "input.wav");
        assertThat(Files.readAllBytes(STORAGE.resolve(key))).isEqualTo(wav);
        String inputs = jdbc.sql("SELECT inputs::text FROM jobs WHERE job_id = ?")
                .param(jobId)
                .query(String.class)
                .single();
        assertThat(inputs).contains(key);

        await().untilAsserted(() -> assertThat(requestsOf(jobId)).hasSize(1));
        VoiceRequest request = requestsOf(jobId).get(0);
        assertThat(request.action()).isEqualTo(RequestAction.SUBMIT);
        assertThat(request.tenantId()).isEqualTo("tenantA");
        assertThat(request.type()).isEqualTo(JobType.ANALYZE);
        assertThat(request.inputs()).containsEntry("file", key);

        HttpResponse<byte[]> status = http.get("/jobs/" + jobId, KEY_A);
        assertThat(status.statusCode()).isEqualTo(200);
        JsonNode job = Http.json(status);
        assertThat(job.get("type").asText()).isEqualTo("ANALYZE");
        assertThat(job.get("status").asText()).isEqualTo("QUEUED");
        assertThat(job.get("result").isNull()).isTrue();
        assertThat(job.get("error").isNull()).isTrue();
    }

    @Test
    @Order(2)
    void randomBytesNamedWavAreUnsupportedMedia() {
        byte[] noise = new byte[2048];
        new Random(7).nextBytes(noise);
        noise[0] = 0x12; // not a sync byte of any container

        HttpResponse<byte[]> response = http.upload("/voice/analyze", KEY_A, "noise.wav", noise);

        assertProblem(response, 415, "unsupported_media");
        assertThat(Http.json(response).get("detail").asText()).contains("not a recognised audio or video container");
    }

    @Test
    @Order(3)
    void anEmptyFileIsRefused() {
        assertProblem(http.upload("/voice/analyze", KEY_A, "empty.wav", new byte[0]), 400, "empty_file");
    }

    @Test
    @Order(4)
    void audioOverTheLimitIsRefusedAndNothingIsLeftInStorage() throws IOException {
        int before = storedFiles();
        byte[] tooBig = Media.wav(40_000); // 80 KB: over the 64 KB audio limit, under the video limit

        HttpResponse<byte[]> response = http.upload("/voice/analyze", KEY_A, "long.wav", tooBig);

        assertProblem(response, 413, "file_too_large");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void aBodyOverTheLargestLimitIsRefusedWhileParsing() throws IOException {
        int before = storedFiles();
        HttpResponse<byte[]> response = http.upload("/voice/analyze", KEY_A, "huge.wav", Media.wav(200_000));

        assertProblem(response, 413, "file_too_large");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    @Order(6)
    void aPathInTheFileNameIsRefused() {
        assertProblem(
                http.upload("/voice/analyze", KEY_A, "../../etc/passwd.wav", Media.wav(100)), 400, "invalid_filename");
        assertProblem(http.upload("/voice/analyze", KEY_A, "dir\\\\x.wav", Media.wav(100)), 400, "invalid_filename");
    }

    @Test
    @Order(6)
    void aFileInAPartTheFormDoesNotTakeIsRefusedNamingTheRightOne() {
        HttpResponse<byte[]> response =
                http.upload("/voice/analyze", KEY_A, List.of(new Http.Part("audio", "a.wav", Media.wav(100))));

        assertProblem(response, 400, "unexpected_file");
        assertThat(Http.json(response).get("detail").asText()).contains("'audio'", "file");
    }

    @Test
    @Order(7)
    void unknownAndOtherTenantsJobsAreNotFound() {
        assertProblem(http.get("/jobs/" + newJobId(), KEY_A), 404, "job_not_found");
        HttpResponse<byte[]> pathLike = http.get("/jobs/..%2F..%2Fetc%2Fpasswd", KEY_A);
        assertProblem(pathLike, 404, "job_not_found");
        assertThat(Http.json(pathLike).get("detail").asText()).as("not echoed").doesNotContain("etc");

        HttpResponse<byte[]> submitted = http.upload("/voice/analyze", KEY_A, "a.wav", Media.wav(100));
        String jobId = Http.json(submitted).get("jobId").asText();
        assertProblem(http.get("/jobs/" + jobId, KEY_B), 404, "job_not_found");
        assertProblem(http.get("/jobs/" + jobId + "/events", KEY_B), 404, "job_not_found");
        assertThat(http.get("/jobs/" + jobId, KEY_A).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(8)
    void keysAreRequiredAndChecked() {
        assertProblem(http.upload("/voice/analyze", null, "a.wav", Media.wav(100)), 401, "missing_api_key");
        assertProblem(
                http.upload("/voice/analyze", "key-a-0123456788", "a.wav", Media.wav(100)), 401, "invalid_api_key");
        assertProblem(http.get("/jobs", null), 401, "missing_api_key");
    }

    @Test
    @Order(9)
    void aBodyThatIsNotMultipartIsAnUnsupportedContentType() {
        HttpResponse<byte[]> json = http.send(http.request("/voice/analyze", KEY_A)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"file\":\"x\"}"))
                .build());
        assertProblem(json, 415, "unsupported_content_type");

        HttpResponse<byte[]> notJson = http.send(http.request("/voice/analyze", KEY_A)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("not json"))
                .build());
        assertProblem(notJson, 415, "unsupported_content_type");
    }

    @Test
    @Order(10)
    void springsOwnErrorsAreProblemsToo() {
        assertProblem(http.get("/no/such/path", KEY_A), 404, "not_found");
        assertProblem(
                http.send(http.request("/jobs", KEY_A)
                        .PUT(HttpRequest.BodyPublishers.noBody())
                        .build()),
                405,
                "method_not_allowed");
        assertProblem(http.upload("/voice/analyze?wait=61", KEY_A, "a.wav", Media.wav(100)), 400, "invalid_wait");
        assertProblem(
                http.send(http.request("/voice/analyze", KEY_A)
                        .header("Content-Type", "multipart/form-data; boundary=xyz")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "--xyz\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nv\r\n--xyz--\r\n"))
                        .build()),
                400,
                "missing_file");
    }

    @Test
    @Order(11)
    void aGoodUploadStillWorksAfterAllThat() {
        HttpResponse<byte[]> response = http.upload("/voice/analyze", KEY_A, "again.wav", Media.wav(1000));
        assertThat(response.statusCode()).isEqualTo(202);
        String jobId = Http.json(response).get("jobId").asText();
        await().untilAsserted(() -> assertThat(requestsOf(jobId)).hasSize(1));
    }
}
