package dev.shabdam.gateway.generation;

import dev.shabdam.gateway.GatewayTestSupport;
import dev.shabdam.gateway.Speech;
import dev.shabdam.schemas.VoiceRequest;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /voice/generate/stream: a chunked WAV, sentence by sentence, as the pipeline publishes them. */
class GenerateStreamTest extends GatewayTestSupport {
    private static final int HEADER = 44;

    private CompletableFuture<HttpResponse<InputStream>> stream(String body) {
        return http.client()
                .sendAsync(
                        Speech.json(http, "/voice/generate/stream", KEY_A, body).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
    }

    @Test
    void eachSentenceIsSentAsSoonAsItIsReadyInOrder() throws Exception {
        Set<String> known = knownJobs();
        CompletableFuture<HttpResponse<InputStream>> answer =
                stream("{\"text\":\"ഒന്ന്. രണ്ട്.\",\"emotion\":\"calm\"}");
        VoiceRequest request = nextRequest(known);
        assertThat(request.parameters()).containsEntry("stream", "true").containsEntry("emotion", "calm");
        String jobId = request.jobId();

        byte[] pcm0 = Speech.pcm(3_000, 10);
        byte[] pcm1 = Speech.pcm(2_500, 20_000);
        String key0 = "outputs/" + jobId + "/sentence-0.wav";
        String key1 = "outputs/" + jobId + "/sentence-1.wav";
        Speech.store(STORAGE, key0, Speech.wav(pcm0));
        Speech.store(STORAGE, key1, Speech.wavWithListChunk(pcm1));

        CountDownLatch firstChunkRead = new CountDownLatch(1);
        AtomicBoolean secondSentencePublished = new AtomicBoolean();
        // the pipeline on its own thread (not the common pool, which may have a single thread)
        ExecutorService pipelineThread = Executors.newSingleThreadExecutor();
        CompletableFuture<Void> pipeline = CompletableFuture.runAsync(
                () -> {
                    reply(Speech.started(jobId));
                    reply(Speech.sentence(jobId, 0, key0));
                    try {
                        assertThat(firstChunkRead.await(20, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    secondSentencePublished.set(true);
                    reply(Speech.sentence(jobId, 1, key1));
                    reply(Speech.sentence(jobId, 1, key1)); // a duplicate
                    reply(Speech.completed(jobId, "outputs/" + jobId + "/audio.wav", false, 0.25));
                },
                pipelineThread);

        HttpResponse<InputStream> response = answer.get(20, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("audio/wav");
        assertThat(response.headers().firstValue("X-Job-Id")).hasValue(jobId);
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        try (InputStream body = response.body()) {
            byte[] first = body.readNBytes(HEADER + pcm0.length);
            assertThat(secondSentencePublished)
                    .as("sentence 1 is published only after this")
                    .isFalse();
            firstChunkRead.countDown();
            assertStreamingHeader(Arrays.copyOf(first, HEADER));
            assertThat(Arrays.copyOfRange(first, HEADER, first.length)).isEqualTo(pcm0);

            byte[] rest = body.readAllBytes();
            assertThat(Speech.concat(first, rest)).isEqualTo(Speech.concat(Arrays.copyOf(first, HEADER), pcm0, pcm1));
        }
        pipeline.get(10, TimeUnit.SECONDS);
        pipelineThread.shutdown();
    }

    @Test
    void sentencesTheRepliesCarryInlineAreStreamedWithoutReadingStorage() throws Exception {
        Set<String> known = knownJobs();
        CompletableFuture<HttpResponse<InputStream>> answer = stream("{\"text\":\"ഒന്ന്. രണ്ട്.\"}");
        String jobId = nextRequest(known).jobId();
        byte[] pcm0 = Speech.pcm(1_500, 40);
        byte[] pcm1 = Speech.pcm(1_200, 9_000);
        // sentence 0 as the pipeline sends it, inline only; sentence 1 names a key that was never stored
        reply(Speech.started(jobId));
        reply(Speech.sentence(jobId, 0, null).withInlineOutput("sentence-0", Speech.wav(pcm0)));
        reply(Speech.sentence(jobId, 1, "outputs/" + jobId + "/sentence-1.wav")
                .withInlineOutput("sentence-1", Speech.wavWithListChunk(pcm1)));
        reply(Speech.completed(jobId, "cache/tts/" + "1e".repeat(32) + ".wav", false, 0.12));

        HttpResponse<InputStream> response = answer.get(20, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream body = response.body()) {
            byte[] all = body.readAllBytes();
            assertStreamingHeader(Arrays.copyOf(all, HEADER));
            assertThat(Arrays.copyOfRange(all, HEADER, all.length)).isEqualTo(Speech.concat(pcm0, pcm1));
        }
    }

    @Test
    void aCacheHitStreamsTheCachedAudio() throws Exception {
        Set<String> known = knownJobs();
        CompletableFuture<HttpResponse<InputStream>> answer = stream("{\"text\":\"ഒന്ന്. രണ്ട്.\"}");
        String jobId = nextRequest(known).jobId();
        byte[] pcm = Speech.pcm(1_000, 5);
        String key = "cache/tts/" + "ef".repeat(32) + ".wav";
        Speech.store(STORAGE, key, Speech.wavWithListChunk(pcm));
        reply(Speech.started(jobId));
        reply(Speech.sentence(jobId, 0, null));
        reply(Speech.sentence(jobId, 1, null));
        reply(Speech.completed(jobId, key, true, 0.05));

        HttpResponse<InputStream> response = answer.get(20, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream body = response.body()) {
            byte[] all = body.readAllBytes();
            assertStreamingHeader(Arrays.copyOf(all, HEADER));
            assertThat(Arrays.copyOfRange(all, HEADER, all.length)).isEqualTo(pcm);
        }
    }

    @Test
    void aFailureBeforeTheFirstSentenceIsAProblem() throws Exception {
        Set<String> known = knownJobs();
        CompletableFuture<HttpResponse<byte[]>> answer = http.client()
                .sendAsync(
                        Speech.json(http, "/voice/generate/stream", KEY_A, "{\"text\":\"<speak><oops></speak>\"}")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        String jobId = nextRequest(known, r -> r.parameters().containsValue("<speak><oops></speak>"))
                .jobId();
        reply(Speech.started(jobId));
        reply(Speech.failed(jobId, "invalid_ssml"));

        assertProblem(answer.get(20, TimeUnit.SECONDS), 400, "invalid_ssml");
    }

    private static void assertStreamingHeader(byte[] header) {
        ByteBuffer wav = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ascii(header, 0)).isEqualTo("RIFF");
        assertThat(wav.getInt(4)).isEqualTo(0xFFFFFFFF);
        assertThat(ascii(header, 8)).isEqualTo("WAVE");
        assertThat(ascii(header, 12)).isEqualTo("fmt ");
        assertThat(wav.getShort(20)).isEqualTo((short) 1);
        assertThat(wav.getShort(22)).isEqualTo((short) 1);
        assertThat(wav.getInt(24)).isEqualTo(Speech.SAMPLE_RATE);
        assertThat(wav.getShort(34)).isEqualTo((short) 16);
        assertThat(ascii(header, 36)).isEqualTo("data");
        assertThat(wav.getInt(40)).isEqualTo(0xFFFFFFFF);
    }

    private static String ascii(byte[] bytes, int offset) {
        return new String(bytes, offset, 4, StandardCharsets.US_ASCII);
    }
}
