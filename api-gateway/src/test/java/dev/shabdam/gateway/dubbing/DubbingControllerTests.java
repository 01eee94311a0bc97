package dev.shabdam.gateway.dubbing;

import dev.shabdam.gateway.Media;
import dev.shabdam.gateway.WebSliceTest;
import dev.shabdam.gateway.jobs.JobOutcome;
import dev.shabdam.gateway.jobs.JobRow;
import dev.shabdam.schemas.JobStatus;
import dev.shabdam.schemas.JobType;
import dev.shabdam.testsupport.Multipart;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The HTTP rules of POST /voice/dub: its options, bound from the query and from the form's fields, and every way
 * they and the subtitle parts are refused before anything is kept. What is stored and queued is
 * {@link DubUploadTest}'s.
 */
class DubbingControllerTests extends WebSliceTest {
    private static final byte[] SRT =
            "1\n00:00:00,100 --> 00:00:00,900\nHello there.\n".getBytes(StandardCharsets.UTF_8);

    @Test
    @SuppressWarnings("unchecked")
    void optionsComeFromTheQueryAndTheFormsFieldsAndTheQueryWins() {
        JobRow queued = job("0f0e0d0c-0000-4000-8000-000000000004", JobType.DUB, JobStatus.QUEUED);
        when(jobs.submit(any(), anyString(), eq(JobType.DUB), anyMap(), anyMap()))
                .thenReturn(queued);
        when(completion.submitAndAwait(anyString(), any(), any()))
                .thenAnswer(call -> CompletableFuture.completedFuture(
                        new JobOutcome.Running(((Supplier<JobRow>) call.getArgument(2)).get())));

        MvcTestResult response = upload(
                "/voice/dub?targetLanguage=ml&lipSync=true",
                KEY_A,
                List.of(
                        new Multipart.Part("file", "clip.wav", Media.wav(1600)),
                        new Multipart.Part("lipSync", null, "false".getBytes(StandardCharsets.US_ASCII)),
                        new Multipart.Part("sourceLanguage", null, "en".getBytes(StandardCharsets.US_ASCII)),
                        new Multipart.Part("keepBackground", null, "false".getBytes(StandardCharsets.US_ASCII))));

        assertThat(response).hasStatus(202).hasHeader("Location", "/jobs/" + queued.jobId());
        ArgumentCaptor<Map<String, String>> parameters = ArgumentCaptor.forClass(Map.class);
        verify(jobs).submit(any(), anyString(), eq(JobType.DUB), parameters.capture(), anyMap());
        assertThat(parameters.getValue())
                .containsEntry("lipSync", "true")
                .containsEntry("sourceLanguage", "en")
                .containsEntry("keepBackground", "false")
                .containsEntry("targetLanguage", "ml")
                .containsEntry("media", "audio")
                .containsEntry("format", "wav");
    }

    @Test
    void malformedSubtitlesAreRefusedNamingTheLineAndNothingIsStored() {
        int before = storedFiles();
        byte[] broken = "1\n00:00:01,000 -> 00:00:02,000\nHello\n".getBytes(StandardCharsets.UTF_8);

        MvcTestResult response = upload(
                "/voice/dub",
                KEY_A,
                List.of(
                        new Multipart.Part("file", "clip.wav", Media.wav(1600)),
                        new Multipart.Part("subtitles", "en.srt", broken)));

        assertProblem(response, 400, "invalid_subtitles");
        assertThat(json(response).get("detail").asText()).contains("'subtitles'", "line 2");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void optionsAreCheckedBeforeAnythingIsStored() {
        int before = storedFiles();
        List<Multipart.Part> clip = List.of(new Multipart.Part("file", "clip.wav", Media.wav(1600)));

        assertProblem(upload("/voice/dub?targetLanguage=fr", KEY_A, clip), 400, "unsupported_language");
        assertProblem(upload("/voice/dub?sourceLanguage=xx", KEY_A, clip), 400, "unsupported_language");
        assertProblem(upload("/voice/dub?lipSync=yes", KEY_A, clip), 400, "invalid_parameter");
        assertProblem(
                upload("/voice/dub", KEY_A, List.of(new Multipart.Part("subtitles", "en.srt", SRT))),
                400,
                "missing_file");
        assertProblem(
                upload("/voice/dub", KEY_A, List.of(new Multipart.Part("file", "clip.wav", new byte[0]))),
                400,
                "empty_file");
        assertThat(storedFiles()).isEqualTo(before);
    }
}
