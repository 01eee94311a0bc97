package dev.shabdam.gateway.generation;

import dev.shabdam.gateway.GatewayTestSupport;
import dev.shabdam.gateway.Http;
import dev.shabdam.gateway.Speech;
import dev.shabdam.schemas.JobError;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.RequestAction;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * POST /voice/generate against the real stack, with the test in the pipeline's place answering on voice.replies.
 * The ways a request is refused before anything is queued are {@link GenerationControllerTests}'.
 */
class GenerateTest extends GatewayTestSupport {

    private CompletableFuture<HttpResponse<byte[]>> generate(String query, String body) {
        return http.client()
                .sendAsync(
                        Speech.json(http, "/voice/generate" + query, KEY_A, body)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theAudioComesBackAsStoredWithItsCacheHeaderWhenThePipelineRepliesInTime() throws Exception {
        Set<String> known = knownJobs();
        CompletableFuture<HttpResponse<byte[]>> answer = generate("?wait=10", "{\"text\":\"നമസ്കാരം. സുഖമാണോ?\"}");

        VoiceRequest request = nextRequest(known);
        assertThat(request.type()).isEqualTo(JobType.GENERATE);
        assertThat(request.action()).isEqualTo(RequestAction.SUBMIT);
        assertThat(request.inputs()).isEmpty();
        assertThat(request.parameters())
                .isEqualTo(Map.of(
                        "text",
                        "നമസ്കാരം. സുഖമാണോ?",
                        "language",
                        "ml",
                        "speed",
                        "1.0",
                        "pitch",
                        "0.0",
                        "emotion",
                        "neutral",
                        "volume",
                        "1.0",
                        "format",
                        "wav",
                        "stream",
                        "false"));
        assertThat(jobStatus(request.jobId())).isEqualTo("QUEUED");

        String jobId = request.jobId();
        String key = "cache/tts/" + "ab".repeat(32) + ".wav";
        byte[] audio = Speech.wav(Speech.pcm(4_000, 1));
        Speech.store(STORAGE, key, audio);
        reply(Speech.started(jobId));
        reply(Speech.sentence(jobId, 0, null));
        reply(Speech.sentence(jobId, 1, null));
        reply(Speech.completed(jobId, key, false, 0.18));
        reply(Speech.completed(jobId, key, false, 0.18)); // at-least-once: a duplicate

        HttpResponse<byte[]> response = answer.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode())
                .as(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(response.body()).isEqualTo(audio);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("audio/wav");
        assertThat(response.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(response.headers().firstValue("X-Job-Id")).hasValue(jobId);
        assertThat(response.headers().firstValue("X-Audio-Duration")).hasValue("0.18");

        // the same events again, late and on both topics: nothing breaks, the next request still works
        reply(Speech.completed(jobId, key, false, 0.18));
        produce(Speech.completed(jobId, key, false, 0.18));
        Set<String> before = knownJobs();
        CompletableFuture<HttpResponse<byte[]>> again =
                generate("?wait=10", "{\"text\":\"നമസ്കാരം. സുഖമാണോ?\",\"format\":\"mp3\"}");
        String second = nextRequest(before).jobId();
        String mp3Key = "cache/tts/" + "cd".repeat(32) + ".mp3";
        byte[] mp3 = "ID3 not really an mp3".getBytes(StandardCharsets.US_ASCII);
        Speech.store(STORAGE, mp3Key, mp3);
        reply(Speech.completed(second, mp3Key, true, 0.18));

        HttpResponse<byte[]> cached = again.get(10, TimeUnit.SECONDS);
        assertThat(cached.statusCode()).isEqualTo(200);
        assertThat(cached.body()).isEqualTo(mp3);
        assertThat(cached.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        assertThat(cached.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(meters.timer("shabdam.generate.latency", "endpoint", "generate", "outcome", "audio")
                        .count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void audioTheReplyCarriesInlineIsAnsweredWithoutReadingStorage() throws Exception {
        Set<String> known = knownJobs();
        CompletableFuture<HttpResponse<byte[]>> answer = generate("?wait=10", "{\"text\":\"ഒന്ന്.\"}");
        String jobId = nextRequest(known).jobId();
        String key = "cache/tts/" + "0f".repeat(32) + ".wav"; // never stored: only the inline bytes can answer
        byte[] audio = Speech.wav(Speech.pcm(2_000, 3));
        reply(Speech.started(jobId));
        reply(Speech.completed(jobId, key, false, 0.09).withInlineOutput("audio", audio));

        HttpResponse<byte[]> response = answer.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode())
                .as(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(response.body()).isEqualTo(audio);
        assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(audio.length));
        assertThat(response.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(response.headers().firstValue("X-Audio-Duration")).hasValue("0.09");
    }

    @Test
    void aRepeatedSentenceIsAnsweredFromMemoryOnceItsAudioCameInline() throws Exception {
        String key = "cache/tts/" + "7e".repeat(32) + ".wav"; // never stored: only memory can answer the hit
        byte[] audio = Speech.wav(Speech.pcm(3_000, 5));
        Set<String> known = knownJobs();
        CompletableFuture<HttpResponse<byte[]>> first = generate("?wait=10", "{\"text\":\"രണ്ട്.\"}");
        reply(Speech.completed(nextRequest(known).jobId(), key, false, 0.14).withInlineOutput("audio", audio));
        assertThat(first.get(10, TimeUnit.SECONDS).body()).isEqualTo(audio);

        known = knownJobs();
        CompletableFuture<HttpResponse<byte[]>> again = generate("?wait=10", "{\"text\":\"രണ്ട്.\"}");
        reply(Speech.completed(nextRequest(known).jobId(), key, true, 0.14)); // a hit names the key only

        HttpResponse<byte[]> hit = again.get(10, TimeUnit.SECONDS);
        assertThat(hit.statusCode())
                .as(new String(hit.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(hit.body()).isEqualTo(audio);
        assertThat(hit.headers().firstValue("X-Cache")).hasValue("HIT");
    }

    @Test
    void withoutAReplyInTimeTheJobIsAccepted() {
        long start = System.nanoTime();
        HttpResponse<byte[]> response =
                http.send(Speech.json(http, "/voice/generate?wait=1", KEY_A, "{\"text\":\"hello\",\"language\":\"en\"}")
                        .build());

        assertThat(response.statusCode()).isEqualTo(202);
        String jobId = Http.json(response).get("jobId").asText();
        assertThat(Http.json(response).get("status").asText()).isEqualTo("QUEUED");
        assertThat(response.headers().firstValue("Location")).hasValue("/jobs/" + jobId);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        await().untilAsserted(() -> assertThat(requestsOf(jobId)).isNotEmpty());
        assertThat(requestsOf(jobId))
                .singleElement()
                .satisfies(r -> assertThat(r.type()).isEqualTo(JobType.GENERATE));
    }

    @Test
    void aFailedJobAnswersWithItsErrorCode() throws Exception {
        Set<String> known = knownJobs();
        CompletableFuture<HttpResponse<byte[]>> missingModel =
                generate("?wait=10", "{\"text\":\"hello\",\"voiceId\":\"vits-ml\"}");
        reply(Speech.failed(nextRequest(known).jobId(), "model_missing"));
        assertProblem(missingModel.get(10, TimeUnit.SECONDS), 503, "model_missing");

        known = knownJobs();
        CompletableFuture<HttpResponse<byte[]>> unknownVoice =
                generate("?wait=10", "{\"text\":\"hello\",\"voiceId\":\"nobody\"}");
        VoiceRequest request = nextRequest(known);
        assertThat(request.parameters()).containsEntry("voiceId", "nobody");
        reply(Speech.failed(request.jobId(), "voice_not_found"));
        assertProblem(unknownVoice.get(10, TimeUnit.SECONDS), 404, "voice_not_found");
    }

    @Test
    void aFailedJobsReasonReachesTheClientWithoutTheTaskManagersPaths() throws Exception {
        Set<String> known = knownJobs();
        CompletableFuture<HttpResponse<byte[]>> missingModel =
                generate("?wait=10", "{\"text\":\"hello\",\"voiceId\":\"piper-ml-in-meera-medium\"}");
        // as an older pipeline wrote it, the path still in the detail
        VoiceEvent failed = Speech.failed(
                nextRequest(known).jobId(),
                new JobError(
                        "model_missing",
                        "Voice 'piper-ml-in-meera-medium' is not installed: ml_IN-meera-medium.onnx is missing"));
        replyJson(
                failed.jobId(),
                new String(RecordCodec.encode(failed), StandardCharsets.UTF_8)
                        .replace("installed: ml_IN", "installed: /opt/shabdam/models/piper/ml_IN"));
        HttpResponse<byte[]> response = missingModel.get(10, TimeUnit.SECONDS);
        assertProblem(response, 503, "model_missing");
        assertThat(Http.json(response).get("detail").asText())
                .isEqualTo("Voice 'piper-ml-in-meera-medium' is not installed: ml_IN-meera-medium.onnx is missing");
    }

    @Test
    void onlyATenantThatOptedIntoTheSharedCacheAsksForIt() {
        HttpResponse<byte[]> own = http.send(Speech.json(http, "/voice/generate?wait=0", KEY_A, "{\"text\":\"hi\"}")
                .build());
        HttpResponse<byte[]> shared = http.send(Speech.json(http, "/voice/generate?wait=0", KEY_C, "{\"text\":\"hi\"}")
                .build());
        String ownId = Http.json(own).get("jobId").asText();
        String sharedId = Http.json(shared).get("jobId").asText();
        await().untilAsserted(() -> assertThat(requestsOf(ownId)).isNotEmpty());
        await().untilAsserted(() -> assertThat(requestsOf(sharedId)).isNotEmpty());

        assertThat(requestsOf(ownId).get(0).parameters()).doesNotContainKey("sharedCache");
        assertThat(requestsOf(sharedId).get(0).parameters()).containsEntry("sharedCache", "true");
    }
}
