package dev.shabdam.gateway.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.gateway.GatewayTestSupport;
import dev.shabdam.gateway.Http;
import dev.shabdam.gateway.Media;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.RequestAction;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.testsupport.Multipart;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** POST /voice/compare against the real stack: both parts stored, one COMPARE job recorded and queued (refusals: {@link AnalysisControllerTests}). */
class CompareUploadTest extends GatewayTestSupport {

    @Test
    void twoRecordingsAreStoredRecordedAndQueuedAsOneCompareJob() throws IOException {
        byte[] a = Media.wav(3000);
        byte[] b = Media.flac(5000);
        HttpResponse<byte[]> response = http.upload(
                "/voice/compare",
                KEY_A,
                List.of(new Multipart.Part("a", "first take.wav", a), new Multipart.Part("b", "second.flac", b)));

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
}
