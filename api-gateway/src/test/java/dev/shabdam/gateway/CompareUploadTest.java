package dev.shabdam.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.RequestAction;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** POST /voice/compare: two parts checked like /voice/analyze's file, both stored, one COMPARE job queued. */
class CompareUploadTest extends GatewayTestSupport {

    @Test
    void twoRecordingsAreStoredRecordedAndQueuedAsOneCompareJob() throws IOException {
        byte[] a = Media.wav(3000);
        byte[] b = Media.flac(5000);
        HttpResponse<byte[]> response = http.upload(
                "/voice/compare",
                KEY_A,
                List.of(new Http.Part("a", "first take.wav", a), new Http.Part("b", "second.flac", b)));

        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(202);
        JsonNode body = Http.json(response);
        String jobId = body.get("jobId").asText();
        assertThat(body.get("status").asText()).isEqualTo("QUEUED");
        assertThat(body.get("links").get("self").asText()).isEqualTo("/jobs/" + jobId);
        assertThat(response.headers().firstValue("Location")).hasValue("/jobs/" + jobId);

        String keyA = StorageKeys.upload("tenantA", jobId, "a.wav");
        String keyB = StorageKeys.upload("tenantA", jobId, "b.flac");
        assertThat(Files.readAllBytes(STORAGE.resolve(keyA))).isEqualTo(a);
        assertThat(Files.readAllBytes(STORAGE.resolve(keyB))).isEqualTo(b);
        assertThat(jdbc.sql("SELECT type FROM jobs WHERE job_id = ?")
                        .param(jobId)
                        .query(String.class)
                        .single())
                .isEqualTo("COMPARE");

        await().untilAsserted(() -> assertThat(requestsOf(jobId)).hasSize(1));
        VoiceRequest request = requestsOf(jobId).get(0);
        assertThat(request.action()).isEqualTo(RequestAction.SUBMIT);
        assertThat(request.tenantId()).isEqualTo("tenantA");
        assertThat(request.type()).isEqualTo(JobType.COMPARE);
        assertThat(request.inputs()).isEqualTo(Map.of("a", keyA, "b", keyB));
        assertThat(request.parameters()).containsEntry("a.format", "wav").containsEntry("b.format", "flac");

        JsonNode job = Http.json(http.get("/jobs/" + jobId, KEY_A));
        assertThat(job.get("type").asText()).isEqualTo("COMPARE");
        assertThat(job.get("status").asText()).isEqualTo("QUEUED");
    }

    @Test
    void aMissingPartIsMissingFileNamingTheField() {
        int before = storedFiles();
        HttpResponse<byte[]> response =
                http.upload("/voice/compare", KEY_A, List.of(new Http.Part("a", "a.wav", Media.wav(100))));

        assertProblem(response, 400, "missing_file");
        assertThat(Http.json(response).get("detail").asText()).contains("'b'");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void anUnrecognisedFirstPartIsUnsupportedMediaAndNothingIsStored() {
        int before = storedFiles();
        byte[] noise = new byte[2048];
        new Random(11).nextBytes(noise);
        noise[0] = 0x12;

        HttpResponse<byte[]> response = http.upload(
                "/voice/compare",
                KEY_A,
                List.of(new Http.Part("a", "a.wav", noise), new Http.Part("b", "b.wav", Media.wav(100))));

        assertProblem(response, 415, "unsupported_media");
        assertThat(Http.json(response).get("detail").asText()).contains("'a'");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void aSecondPartOverTheLimitLeavesNeitherStored() {
        int before = storedFiles();
        HttpResponse<byte[]> response = http.upload(
                "/voice/compare",
                KEY_A,
                List.of(new Http.Part("a", "a.wav", Media.wav(100)), new Http.Part("b", "b.wav", Media.wav(40_000))));

        assertProblem(response, 413, "file_too_large");
        assertThat(Http.json(response).get("detail").asText()).contains("'b'");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void eachPartIsCheckedLikeAnAnalyzeUpload() {
        assertProblem(
                http.upload(
                        "/voice/compare",
                        KEY_A,
                        List.of(new Http.Part("a", "a.wav", Media.wav(100)), new Http.Part("b", "b.wav", new byte[0]))),
                400,
                "empty_file");
        assertProblem(
                http.upload(
                        "/voice/compare",
                        KEY_A,
                        List.of(
                                new Http.Part("a", "../a.wav", Media.wav(100)),
                                new Http.Part("b", "b.wav", Media.wav(100)))),
                400,
                "invalid_filename");
        assertProblem(
                http.upload(
                        "/voice/compare?wait=61",
                        KEY_A,
                        List.of(
                                new Http.Part("a", "a.wav", Media.wav(100)),
                                new Http.Part("b", "b.wav", Media.wav(100)))),
                400,
                "invalid_wait");
        assertProblem(
                http.upload(
                        "/voice/compare",
                        null,
                        List.of(
                                new Http.Part("a", "a.wav", Media.wav(100)),
                                new Http.Part("b", "b.wav", Media.wav(100)))),
                401,
                "missing_api_key");
    }
}
