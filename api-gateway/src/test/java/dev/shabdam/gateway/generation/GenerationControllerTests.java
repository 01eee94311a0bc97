package dev.shabdam.gateway.generation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.gateway.Speech;
import dev.shabdam.gateway.WebSliceTest;
import dev.shabdam.gateway.jobs.JobOutcome;
import dev.shabdam.gateway.jobs.JobRow;
import dev.shabdam.schemas.JobStatus;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.VoiceEvent;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The HTTP rules of POST /voice/normalize, /voice/generate and /voice/generate/stream: the normaliser's answer,
 * every way a text or its parameters are refused (before anything is submitted), and how a generation's outcome
 * is answered. The round trip through the pipeline's replies is {@link GenerateTest}'s and {@link GenerateStreamTest}'s.
 */
class GenerationControllerTests extends WebSliceTest {

    private MvcTestResult normalize(String body) {
        return postJson("/voice/normalize", KEY_A, body.getBytes(StandardCharsets.UTF_8));
    }

    private MvcTestResult generate(String path, String body) {
        return postJson(path, KEY_A, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void moneyTimesAndDatesComeBackInMalayalamWordsSplitIntoSentences() {
        MvcTestResult response =
                normalize("{\"text\":\"വില ₹1,500 ആണ്. സമയം 10:30. തീയതി 15/08/1947.\",\"language\":\"ml\"}");

        assertThat(response).hasStatus(200);
        JsonNode body = json(response);
        String normalized = body.get("normalized").asText();
        assertThat(normalized).doesNotContain("₹", "/", ":").doesNotContainPattern("[0-9]");
        assertThat(normalized)
                .contains(
                        "ആയിരത്തി അഞ്ഞൂറ് രൂപ",
                        "പത്ത് മണി മുപ്പത് മിനിറ്റ്",
                        "പതിനഞ്ച് ഓഗസ്റ്റ് ആയിരത്തി തൊള്ളായിരത്തിനാൽപത്തിയേഴ്");
        List<String> sentences = new ArrayList<>();
        body.get("sentences").forEach(sentence -> sentences.add(sentence.asText()));
        assertThat(sentences)
                .containsExactly(
                        "വില ആയിരത്തി അഞ്ഞൂറ് രൂപ ആണ്.",
                        "സമയം പത്ത് മണി മുപ്പത് മിനിറ്റ്.",
                        "തീയതി പതിനഞ്ച് ഓഗസ്റ്റ് ആയിരത്തി തൊള്ളായിരത്തിനാൽപത്തിയേഴ്.");
    }

    @Test
    void theLanguageDefaultsToMalayalamAndEnglishIsSpokenInEnglish() {
        assertThat(json(normalize("{\"text\":\"10:30\"}")).get("normalized").asText())
                .contains("മണി");
        assertThat(json(normalize("{\"text\":\"It costs 25 dollars.\",\"language\":\"en\"}"))
                        .get("normalized")
                        .asText())
                .contains("twenty")
                .doesNotContainPattern("[0-9]");
    }

    @Test
    void badTextAndLanguagesToNormalizeAnswerTheirCodes() {
        assertProblem(normalize("{\"text\":\"   \",\"language\":\"ml\"}"), 400, "empty_text");
        assertProblem(normalize("{\"language\":\"ml\"}"), 400, "empty_text");
        assertProblem(normalize("{\"text\":\"" + "അ".repeat(5_001) + "\"}"), 400, "text_too_long");
        assertProblem(normalize("{\"text\":\"bonjour\",\"language\":\"fr\"}"), 400, "unsupported_language");
        assertProblem(normalize("this is not JSON"), 400, "malformed_body");
        assertProblem(
                postJson("/voice/normalize", KEY_A, new byte[] {
                    '{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
                }),
                400,
                "invalid_text");
        assertProblem(
                postJson("/voice/normalize", null, "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8)),
                401,
                "missing_api_key");
    }

    @Test
    void spokenAudioIsAnsweredWithItsTypeCacheJobAndDurationHeaders() {
        byte[] audio = Speech.wav(Speech.pcm(2_000, 3));
        String jobId = "0f0e0d0c-0000-4000-8000-000000000002";
        VoiceEvent completed = Speech.completed(jobId, "cache/tts/" + "0f".repeat(32) + ".wav", true, 0.09)
                .withInlineOutput("audio", audio);
        JobRow ended = job(jobId, JobType.GENERATE, JobStatus.QUEUED).withFinalEvent(completed);
        when(completion.submitAndAwait(anyString(), any(), any()))
                .thenReturn(CompletableFuture.completedFuture(new JobOutcome.Ended(ended, completed)));

        MvcTestResult response = generate("/voice/generate?wait=10", "{\"text\":\"ഒന്ന്.\"}");

        assertThat(response)
                .hasStatus(200)
                .hasContentType("audio/wav")
                .hasHeader("X-Job-Id", jobId)
                .hasHeader("X-Cache", "HIT")
                .hasHeader("X-Audio-Duration", "0.09")
                .hasHeader("Content-Length", Integer.toString(audio.length));
        assertThat(response.getResponse().getContentAsByteArray()).isEqualTo(audio);
    }

    @Test
    void aGenerationStillRunningAfterTheWaitIsAccepted() {
        JobRow queued = job("0f0e0d0c-0000-4000-8000-000000000003", JobType.GENERATE, JobStatus.QUEUED);
        when(completion.submitAndAwait(anyString(), any(), any()))
                .thenReturn(CompletableFuture.completedFuture(new JobOutcome.Running(queued)));

        MvcTestResult response = generate("/voice/generate?wait=1", "{\"text\":\"hello\",\"language\":\"en\"}");

        assertThat(response).hasStatus(202).hasHeader("Location", "/jobs/" + queued.jobId());
        assertThat(json(response).get("jobId").asText()).isEqualTo(queued.jobId());
        assertThat(json(response).get("status").asText()).isEqualTo("QUEUED");
    }

    @Test
    void aVoiceIdThatIsNotAVoiceNameIsRefusedBeforeAnythingIsSubmitted() {
        for (String voice : List.of("../../../../etc/passwd", "/etc/hostname", "ML_IN")) {
            MvcTestResult response = generate(
                    "/voice/generate", "{\"text\":\"നമസ്കാരം\",\"language\":\"ml\",\"voiceId\":\"" + voice + "\"}");
            assertProblem(response, 400, "invalid_voice");
            assertThat(json(response).get("detail").asText()).doesNotContain("etc");
        }
        // submitting is the only way to voice.requests
        verifyNoInteractions(jobs, completion);
    }

    @Test
    void badInputsAnswerTheirCodesAndNothingIsSubmitted() {
        double rejectedBefore = rejected();
        Map<String, String> cases = Map.of(
                "{\"text\":\"\"}",
                "empty_text",
                "{\"text\":\"" + "a".repeat(5_001) + "\"}",
                "text_too_long",
                "{\"text\":\"bonjour\",\"language\":\"fr\"}",
                "unsupported_language",
                "{\"text\":\"hello\",\"emotion\":\"furious\"}",
                "invalid_parameter",
                "{\"text\":\"hello\",\"speed\":10}",
                "invalid_parameter",
                "{\"text\":\"hello\",\"pitch\":\"high\"}",
                "invalid_parameter",
                "{\"text\":\"hello\",\"format\":\"flac\"}",
                "invalid_parameter",
                "{\"text\":",
                "malformed_body");
        cases.forEach((body, code) -> assertProblem(generate("/voice/generate", body), 400, code));
        byte[] invalidUtf8 = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', 'a', (byte) 0xFF, (byte) 0xFE, '"', '}'};
        assertProblem(postJson("/voice/generate", KEY_A, invalidUtf8), 400, "invalid_text");
        assertProblem(
                generate("/voice/generate/stream", "{\"text\":\"hi\",\"format\":\"mp3\"}"), 400, "invalid_parameter");

        verifyNoInteractions(jobs, completion);
        assertThat(rejected() - rejectedBefore).isGreaterThanOrEqualTo(cases.size() + 1);
    }

    private double rejected() {
        return meters.counter("shabdam.generate.requests", "endpoint", "generate", "outcome", "rejected")
                .count();
    }
}
