package dev.shabdam.gateway.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.gateway.GatewayTestSupport;
import dev.shabdam.gateway.Http;
import dev.shabdam.gateway.Media;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.RequestAction;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceRequest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * POST /voice/analyze against the real stack: what is accepted is stored, recorded and queued, and a job is
 * another tenant's to nobody. The ways an upload is refused are {@link AnalysisControllerTests}'.
 */
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
    @Order(3)
    void aGoodUploadStillWorksAfterAllThat() {
        HttpResponse<byte[]> response = http.upload("/voice/analyze", KEY_A, "again.wav", Media.wav(1000));
        assertThat(response.statusCode()).isEqualTo(202);
        String jobId = Http.json(response).get("jobId").asText();
        await().untilAsserted(() -> assertThat(requestsOf(jobId)).hasSize(1));
    }
}
