package dev.shabdam.gateway.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.gateway.GatewayTestSupport;
import dev.shabdam.gateway.Http;
import dev.shabdam.schemas.StorageKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DELETE of an ended job, and the retention sweep, remove its uploads and outputs from storage; the row stays,
 * marked, and the outputs answer 404. The shared synthesis cache keeps its objects.
 */
class MediaDeletionTest extends GatewayTestSupport {
    @Autowired
    RetentionSweep retention;

    @Test
    void deletingAnEndedJobRemovesItsUploadsAndOutputsButKeepsItsRecord() {
        String jobId = newJobId();
        List<Path> media = storeMedia("tenantA", jobId);
        String cacheKey = StorageKeys.synthesisCache("tenantA", "5a".repeat(32), "wav");
        Path cached = write(cacheKey);
        insertJob(
                jobId,
                "tenantA",
                "COMPLETED",
                Instant.now(),
                "{\"durationSec\":1}",
                "{\"report\":\"" + StorageKeys.output(jobId, "report.json") + "\",\"audio\":\"" + cacheKey + "\"}");
        assertThat(http.get("/jobs/" + jobId + "/outputs/report", KEY_A).statusCode())
                .isEqualTo(200);

        assertProblem(http.send(http.request("/jobs/" + jobId, KEY_B).DELETE().build()), 404, "job_not_found");
        assertThat(media).as("another tenant deletes nothing").allMatch(Files::exists);

        HttpResponse<byte[]> deleted =
                http.send(http.request("/jobs/" + jobId, KEY_A).DELETE().build());

        assertThat(deleted.statusCode()).as(new String(deleted.body())).isEqualTo(200);
        JsonNode job = Http.json(deleted);
        assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.get("mediaDeletedAt").asText()).isNotEmpty();
        assertThat(job.get("outputs").size()).isZero();
        assertThat(media).noneMatch(Files::exists);
        assertThat(cached).as("the shared cache's object stays").exists();
        assertProblem(http.get("/jobs/" + jobId + "/outputs/report", KEY_A), 404, "output_not_found");
        assertProblem(http.get("/jobs/" + jobId + "/outputs/audio", KEY_A), 404, "output_not_found");

        JsonNode kept = Http.json(http.get("/jobs/" + jobId, KEY_A));
        assertThat(kept.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(kept.get("result").get("durationSec").asInt()).isEqualTo(1);
        assertThat(http.send(http.request("/jobs/" + jobId, KEY_A).DELETE().build())
                        .statusCode())
                .as("deleting again changes nothing")
                .isEqualTo(200);
    }

    @Test
    void theRetentionSweepRemovesTheMediaOfJobsThatEndedBeforeThePeriod() {
        Instant now = Instant.now();
        String old = newJobId();
        String recent = newJobId();
        String waiting = newJobId();
        List<Path> oldMedia = storeMedia("tenantA", old);
        List<Path> recentMedia = storeMedia("tenantA", recent);
        List<Path> waitingMedia = storeMedia("tenantA", waiting);
        // the default period: 30 days
        insertJob(old, "tenantA", "FAILED", now.minus(Duration.ofDays(31)), null, null);
        insertJob(recent, "tenantA", "COMPLETED", now.minus(Duration.ofDays(29)), null, null);
        insertJob(waiting, "tenantA", "QUEUED", now.minus(Duration.ofDays(400)), null, null);

        retention.sweep();

        assertThat(oldMedia).noneMatch(Files::exists);
        assertThat(Http.json(http.get("/jobs/" + old, KEY_A))
                        .get("mediaDeletedAt")
                        .isNull())
                .isFalse();
        assertThat(recentMedia).allMatch(Files::exists);
        assertThat(Http.json(http.get("/jobs/" + recent, KEY_A))
                        .get("mediaDeletedAt")
                        .isNull())
                .isTrue();
        assertThat(waitingMedia).as("a job that has not ended keeps its media").allMatch(Files::exists);
    }

    @Test
    void workThePipelineWritesAfterTheMediaWentIsDeletedByTheNextSweep() {
        String jobId = newJobId();
        insertJob(jobId, "tenantA", "CANCELLED", Instant.now(), null, null);
        assertThat(http.send(http.request("/jobs/" + jobId, KEY_A).DELETE().build())
                        .statusCode())
                .isEqualTo(200);
        // a line the pipeline was still speaking when the job was cancelled and deleted arrives afterwards
        Path late = write(StorageKeys.segment(jobId, 3, "dub.wav"));

        retention.sweep();

        assertThat(late).doesNotExist();
    }

    /** An upload, an output and a stage's work of the job, in the gateway's storage. */
    private static List<Path> storeMedia(String tenant, String jobId) {
        return List.of(
                write(StorageKeys.upload(tenant, jobId, "input.wav")),
                write(StorageKeys.output(jobId, "report.json")),
                write(StorageKeys.segment(jobId, 0, "tts.wav")));
    }

    private static Path write(String key) {
        try {
            Path file = STORAGE.resolve(key);
            Files.createDirectories(file.getParent());
            return Files.write(file, new byte[] {1, 2, 3});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
