package dev.shabdam.gateway.jobs;

import dev.shabdam.gateway.WebSliceTest;
import dev.shabdam.gateway.storage.ObjectStore;
import dev.shabdam.gateway.storage.StoredObject;
import dev.shabdam.schemas.JobStatus;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.StorageKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

/**
 * The HTTP rules of /jobs and its outputs: a job's view, the problem for a job that is not the caller's, what a
 * DELETE answers, and byte ranges of a download. Listing, waiting, events and cancellation against the real
 * stack are {@link JobLifecycleTest}'s.
 */
class JobControllerTests extends WebSliceTest {
    private static final String JOB_ID = "0f0e0d0c-0000-4000-8000-000000000005";

    @Autowired
    private ObjectStore store;

    @Test
    void aJobIsAnsweredAsItsViewAndAnUnknownOneIsAProblemThatEchoesOnlyAJobId() {
        when(jobs.get(any(), eq(JOB_ID))).thenReturn(job(JOB_ID, JobType.ANALYZE, JobStatus.RUNNING));
        String unknown = "0f0e0d0c-0000-4000-8000-00000000dead";
        when(jobs.get(any(), eq(unknown))).thenThrow(new JobNotFoundException(unknown));
        when(jobs.get(any(), eq("etc-passwd"))).thenThrow(new JobNotFoundException("etc-passwd"));

        MvcTestResult found = get("/jobs/" + JOB_ID, KEY_A);
        assertThat(found).hasStatus(200);
        assertThat(json(found).get("jobId").asText()).isEqualTo(JOB_ID);
        assertThat(json(found).get("status").asText()).isEqualTo("RUNNING");

        MvcTestResult absent = get("/jobs/" + unknown, KEY_A);
        assertProblem(absent, 404, "job_not_found");
        assertThat(json(absent).get("detail").asText()).contains(unknown);
        MvcTestResult notAnId = get("/jobs/etc-passwd", KEY_A);
        assertProblem(notAnId, 404, "job_not_found");
        assertThat(json(notAnId).get("detail").asText()).doesNotContain("etc");
    }

    @Test
    void deletingARunningJobIsAcceptedAndDeletingAnEndedOnesMediaIsDone() {
        JobRow cancelled = job(JOB_ID, JobType.ANALYZE, JobStatus.CANCELLED);
        when(jobs.delete(any(), eq(JOB_ID))).thenReturn(CompletableFuture.completedFuture(cancelled));
        MvcTestResult accepted =
                mvc.delete().uri("/jobs/" + JOB_ID).header("X-Api-Key", KEY_A).exchange();
        assertThat(accepted).hasStatus(202);
        assertThat(json(accepted).get("status").asText()).isEqualTo("CANCELLED");

        JobRow deleted = new JobRow(
                JOB_ID,
                "tenantA",
                JobType.ANALYZE,
                JobStatus.CANCELLED,
                null,
                1,
                null,
                null,
                cancelled.outputs(),
                cancelled.createdAt(),
                cancelled.updatedAt(),
                Instant.now());
        when(jobs.delete(any(), eq(JOB_ID))).thenReturn(CompletableFuture.completedFuture(deleted));
        MvcTestResult done =
                mvc.delete().uri("/jobs/" + JOB_ID).header("X-Api-Key", KEY_A).exchange();
        assertThat(done).hasStatus(200);
        assertThat(json(done).get("mediaDeletedAt").isNull()).isFalse();
    }

    @Test
    void anOutputDownloadsWholeOrByOneRange() throws IOException {
        byte[] report = "{\"report\":[1,2,3]}".getBytes(StandardCharsets.UTF_8);
        StoredObject output = stored(StorageKeys.output(JOB_ID, "report.json"), report);
        JobRow job = job(JOB_ID, JobType.ANALYZE, JobStatus.COMPLETED);
        when(jobs.get(any(), eq(JOB_ID))).thenReturn(job);
        when(media.output(job, "report")).thenReturn(output);

        MvcTestResult whole = download("/jobs/" + JOB_ID + "/outputs/report", null);
        assertThat(whole)
                .hasStatus(200)
                .hasHeader("Accept-Ranges", "bytes")
                .hasHeader("Content-Length", Integer.toString(report.length));
        assertThat(whole.getResponse().getContentType()).startsWith("application/json");
        assertThat(whole.getResponse().getContentAsByteArray()).isEqualTo(report);

        MvcTestResult part = download("/jobs/" + JOB_ID + "/outputs/report", "bytes=2-5");
        assertThat(part).hasStatus(206).hasHeader("Content-Range", "bytes 2-5/" + report.length);
        assertThat(part.getResponse().getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(report, 2, 6));

        assertThat(download("/jobs/" + JOB_ID + "/outputs/report", "bytes=0-1,4-5"))
                .as("several ranges: the whole")
                .hasStatus(200);

        for (String unsatisfiable : new String[] {"bytes=500-600", "bytes=x-y"}) {
            MvcTestResult outside = download("/jobs/" + JOB_ID + "/outputs/report", unsatisfiable);
            assertProblem(outside, 416, "range_not_satisfiable");
            assertThat(outside).hasHeader("Content-Range", "bytes */" + report.length);
        }
    }

    private MvcTestResult download(String path, String range) {
        return mvc.get()
                .uri(path)
                .header("X-Api-Key", KEY_A)
                .headers(headers -> {
                    if (range != null) {
                        headers.set("Range", range);
                    }
                })
                .exchange();
    }

    private StoredObject stored(String key, byte[] content) throws IOException {
        Path file = STORAGE.resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return StoredObject.find(store, key).orElseThrow();
    }
}
