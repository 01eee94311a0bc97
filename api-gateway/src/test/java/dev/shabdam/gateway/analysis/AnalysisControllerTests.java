package dev.shabdam.gateway.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.gateway.Media;
import dev.shabdam.gateway.WebSliceTest;
import dev.shabdam.gateway.jobs.JobOutcome;
import dev.shabdam.gateway.jobs.JobRow;
import dev.shabdam.schemas.JobStatus;
import dev.shabdam.schemas.JobType;
import dev.shabdam.testsupport.Multipart;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

/**
 * The HTTP rules of POST /voice/analyze and /voice/compare: every way an upload is refused (and that a refused
 * upload leaves nothing in storage), the API key, the content type, the wait, and the answer to a submission.
 * What is stored, recorded and queued is {@link AnalyzeUploadTest}'s and {@link CompareUploadTest}'s.
 */
class AnalysisControllerTests extends WebSliceTest {

    @Test
    void aSubmissionAnswers202WithWhereToFollowTheJobOr200WithTheJobOnceItEnded() {
        JobRow queued = job("0f0e0d0c-0000-4000-8000-000000000001", JobType.ANALYZE, JobStatus.QUEUED);
        when(completion.submitAndAwait(anyString(), any(), any()))
                .thenReturn(CompletableFuture.completedFuture(new JobOutcome.Running(queued)));

        MvcTestResult accepted = upload("/voice/analyze", KEY_A, "a.wav", Media.wav(100));

        assertThat(accepted).hasStatus(202).hasHeader("Location", "/jobs/" + queued.jobId());
        JsonNode body = json(accepted);
        assertThat(body.get("status").asText()).isEqualTo("QUEUED");
        assertThat(body.get("links").get("self").asText()).isEqualTo("/jobs/" + queued.jobId());
        assertThat(body.get("links").get("events").asText()).isEqualTo("/jobs/" + queued.jobId() + "/events");

        JobRow completed = job(queued.jobId(), JobType.ANALYZE, JobStatus.COMPLETED);
        when(completion.submitAndAwait(anyString(), any(), any()))
                .thenReturn(CompletableFuture.completedFuture(new JobOutcome.Ended(completed, null)));
        MvcTestResult ended = upload("/voice/analyze?wait=5", KEY_A, "a.wav", Media.wav(100));
        assertThat(ended).hasStatus(200);
        assertThat(json(ended).get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void randomBytesNamedWavAreUnsupportedMedia() {
        byte[] noise = new byte[2048];
        new Random(7).nextBytes(noise);
        noise[0] = 0x12; // not a sync byte of any container

        MvcTestResult response = upload("/voice/analyze", KEY_A, "noise.wav", noise);

        assertProblem(response, 415, "unsupported_media");
        assertThat(json(response).get("detail").asText()).contains("not a recognised audio or video container");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertProblem(upload("/voice/analyze", KEY_A, "empty.wav", new byte[0]), 400, "empty_file");
    }

    @Test
    void audioOverTheLimitIsRefusedAndNothingIsLeftInStorage() {
        int before = storedFiles();
        byte[] tooBig = Media.wav(40_000); // 80 KB: over the 64 KB audio limit, under the video limit

        MvcTestResult response = upload("/voice/analyze", KEY_A, "long.wav", tooBig);

        assertProblem(response, 413, "file_too_large");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void aBodyOverTheLargestLimitIsRefusedWhileParsing() {
        int before = storedFiles();
        MvcTestResult response = upload("/voice/analyze", KEY_A, "huge.wav", Media.wav(200_000));

        assertProblem(response, 413, "file_too_large");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void aPathInTheFileNameIsRefused() {
        assertProblem(upload("/voice/analyze", KEY_A, "../../etc/passwd.wav", Media.wav(100)), 400, "invalid_filename");
        assertProblem(upload("/voice/analyze", KEY_A, "dir\\\\x.wav", Media.wav(100)), 400, "invalid_filename");
    }

    @Test
    void aFileInAPartTheFormDoesNotTakeIsRefusedNamingTheRightOne() {
        MvcTestResult response =
                upload("/voice/analyze", KEY_A, List.of(new Multipart.Part("audio", "a.wav", Media.wav(100))));

        assertProblem(response, 400, "unexpected_file");
        assertThat(json(response).get("detail").asText()).contains("'audio'", "file");
    }

    @Test
    void keysAreRequiredAndChecked() {
        assertProblem(upload("/voice/analyze", null, "a.wav", Media.wav(100)), 401, "missing_api_key");
        assertProblem(upload("/voice/analyze", "key-a-0123456788", "a.wav", Media.wav(100)), 401, "invalid_api_key");
        assertProblem(get("/jobs", null), 401, "missing_api_key");
    }

    @Test
    void aBodyThatIsNotMultipartIsAnUnsupportedContentType() {
        assertProblem(
                postJson("/voice/analyze", KEY_A, "{\"file\":\"x\"}".getBytes()), 415, "unsupported_content_type");
        assertProblem(postJson("/voice/analyze", KEY_A, "not json".getBytes()), 415, "unsupported_content_type");
    }

    @Test
    void springsOwnErrorsAreProblemsToo() {
        assertProblem(get("/no/such/path", KEY_A), 404, "not_found");
        assertProblem(mvc.put().uri("/jobs").header("X-Api-Key", KEY_A).exchange(), 405, "method_not_allowed");
        assertProblem(upload("/voice/analyze?wait=61", KEY_A, "a.wav", Media.wav(100)), 400, "invalid_wait");
        assertProblem(
                mvc.post()
                        .uri("/voice/analyze")
                        .header("X-Api-Key", KEY_A)
                        .contentType("multipart/form-data; boundary=xyz")
                        .content("--xyz\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nv\r\n--xyz--\r\n")
                        .exchange(),
                400,
                "missing_file");
    }

    @Test
    void aMissingComparePartIsMissingFileNamingTheField() {
        int before = storedFiles();
        MvcTestResult response =
                upload("/voice/compare", KEY_A, List.of(new Multipart.Part("a", "a.wav", Media.wav(100))));

        assertProblem(response, 400, "missing_file");
        assertThat(json(response).get("detail").asText()).contains("'b'");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void anUnrecognisedFirstComparePartIsUnsupportedMediaAndNothingIsStored() {
        int before = storedFiles();
        byte[] noise = new byte[2048];
        new Random(11).nextBytes(noise);
        noise[0] = 0x12;

        MvcTestResult response = upload(
                "/voice/compare",
                KEY_A,
                List.of(new Multipart.Part("a", "a.wav", noise), new Multipart.Part("b", "b.wav", Media.wav(100))));

        assertProblem(response, 415, "unsupported_media");
        assertThat(json(response).get("detail").asText()).contains("'a'");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void aSecondComparePartOverTheLimitLeavesNeitherStored() {
        int before = storedFiles();
        MvcTestResult response = upload(
                "/voice/compare",
                KEY_A,
                List.of(
                        new Multipart.Part("a", "a.wav", Media.wav(100)),
                        new Multipart.Part("b", "b.wav", Media.wav(40_000))));

        assertProblem(response, 413, "file_too_large");
        assertThat(json(response).get("detail").asText()).contains("'b'");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void eachComparePartIsCheckedLikeAnAnalyzeUpload() {
        byte[] wav = Media.wav(100);
        assertProblem(compare("/voice/compare", KEY_A, "a.wav", wav, "b.wav", new byte[0]), 400, "empty_file");
        assertProblem(compare("/voice/compare", KEY_A, "../a.wav", wav, "b.wav", wav), 400, "invalid_filename");
        assertProblem(compare("/voice/compare?wait=61", KEY_A, "a.wav", wav, "b.wav", wav), 400, "invalid_wait");
        assertProblem(compare("/voice/compare", null, "a.wav", wav, "b.wav", wav), 401, "missing_api_key");
    }

    /** A comparison of file {@code aName} in part a and {@code bName} in part b. */
    private MvcTestResult compare(String path, String apiKey, String aName, byte[] a, String bName, byte[] b) {
        return upload(path, apiKey, List.of(new Multipart.Part("a", aName, a), new Multipart.Part("b", bName, b)));
    }
}
