package dev.shabdam.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.pipeline.analysis.loudness.LoudnessMeter;
import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.media.AudioDecoder;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.media.FfmpegMediaProbe;
import dev.shabdam.pipeline.synthesis.engine.EspeakRequired;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.speech.subtitles.Cue;
import dev.shabdam.speech.subtitles.SubtitleParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A real dub through the whole stack, on a clip whose every fact is known (English lines at known
 * times over a 150 Hz tone, under a test video), measured on what comes back.
 */
@ExtendWith(SharedStack.class)
class DubEndToEndTest {
    private static final int LINES = 4;
    private static final int FRAME_MS = 10;

    @TempDir
    static Path dir;

    private static DubSample sample;
    private final Api api = SharedStack.api(SharedStack.TENANT_A_KEY);

    @BeforeAll
    static void makeTheClip() throws Exception {
        EspeakRequired.assumeInstalled("DubEndToEndTest");
        sample = DubSample.make(dir, LINES);
    }

    @Test
    void theDubKeepsThePictureAndTheBackgroundAndSpeaksMalayalamInEverySlot() throws Exception {
        JsonNode job = dub("");
        assertThat(job.path("status").asText()).as("%s", job).isEqualTo("COMPLETED");
        Path video = download(job, "video", "dubbed.mp4");

        assertThat(new FfmpegMediaProbe().probe(video.toFile()).durationSec())
                .isCloseTo(new FfmpegMediaProbe().probe(sample.video().toFile()).durationSec(), within(0.05));
        List<String> original = VideoPackets.hashes(sample.video());
        assertThat(original).hasSizeGreaterThan(100);
        assertThat(VideoPackets.hashes(video))
                .as("the video packets, byte for byte")
                .isEqualTo(original);

        List<Cue> target = SubtitleParser.parse(Files.readAllBytes(download(job, "subtitles-target", "ml.srt")));
        assertThat(target)
                .extracting(Cue::startMs)
                .isEqualTo(sample.slots().stream().map(Cue::startMs).toList());
        assertThat(target)
                .extracting(Cue::endMs)
                .isEqualTo(sample.slots().stream().map(Cue::endMs).toList());
        assertThat(target)
                .extracting(Cue::text)
                .isEqualTo(DubSample.LINES.subList(0, LINES).stream()
                        .map(line -> line[1])
                        .toList());

        DecodedAudio input = new AudioDecoder().decode(sample.video().toFile());
        DecodedAudio mixed =
                new AudioDecoder().decode(download(job, "audio", "dubbed.wav").toFile());
        assertThat(mixed.sampleRate()).isEqualTo(input.sampleRate());
        float[] in = input.channels()[0];
        float[] out = mixed.channels()[0];
        JsonNode report =
                Api.json(api.get(job.path("outputs").path("report").asText())).path("utterances");
        for (int k = 0; k < LINES; k++) {
            Cue slot = sample.slots().get(k);
            // under each line: the original is still there, 15 dB or more under the dub
            int from = frame(slot.startMs() + 100, mixed);
            int to = frame(slot.endMs() - 100, mixed);
            double originalGain = projection(out, in, from, to);
            double dub = rms(difference(out, in, originalGain), from, to);
            double ducked = Math.abs(originalGain) * rms(in, from, to);
            assertThat(20 * Math.log10(dub / ducked))
                    .as("line %d: dub over ducked original, dB", k)
                    .isGreaterThanOrEqualTo(15);
            // between lines: the background, untouched
            long dubEnd = Math.max(slot.endMs(), report.get(k).path("dubEndMs").asLong());
            long nextStart =
                    k + 1 < LINES ? sample.slots().get(k + 1).startMs() : Math.round(sample.durationSec() * 1000);
            int gapFrom = frame(dubEnd + 150, mixed);
            int gapTo = frame(nextStart - 150, mixed);
            assertThat(gapTo - gapFrom).as("a gap to measure after line %d", k).isGreaterThan(mixed.sampleRate() / 4);
            assertThat(rms(in, gapFrom, gapTo))
                    .as("the tone is in the original")
                    .isGreaterThan(0.02);
            assertThat(rms(difference(out, in, 1), gapFrom, gapTo) / rms(in, gapFrom, gapTo))
                    .as("background after line %d differs from the original by", k)
                    .isLessThan(0.1);
        }
        assertThat(new LoudnessMeter().measure(mixed).integratedLufs())
                .isCloseTo(new LoudnessMeter().measure(input).integratedLufs(), within(1.0));
    }

    @Test
    void everyLineEndsWithin50MsOfItsSlot() throws Exception {
        JsonNode job = dub("?keepBackground=false");
        assertThat(job.path("status").asText()).as("%s", job).isEqualTo("COMPLETED");
        DecodedAudio dubOnly =
                new AudioDecoder().decode(download(job, "audio", "dub-only.wav").toFile());
        float[] out = dubOnly.channels()[0];

        for (int k = 0; k < LINES; k++) {
            Cue slot = sample.slots().get(k);
            long nextStart =
                    k + 1 < LINES ? sample.slots().get(k + 1).startMs() : Math.round(sample.durationSec() * 1000);
            int frames = dubOnly.sampleRate() * FRAME_MS / 1000;
            long heardStart = -1;
            long heardEnd = -1;
            for (int f = frame(slot.startMs() - 300, dubOnly); f + frames <= frame(nextStart, dubOnly); f += frames) {
                if (rms(out, f, f + frames) > 0.005) { // −46 dBFS
                    heardStart = heardStart < 0 ? f * 1000L / dubOnly.sampleRate() : heardStart;
                    heardEnd = (f + frames) * 1000L / dubOnly.sampleRate();
                }
            }
            assertThat(heardStart).as("line %d starts with its slot", k).isCloseTo(slot.startMs(), within(50L));
            assertThat(heardEnd).as("line %d ends with its slot", k).isCloseTo(slot.endMs(), within(50L));
        }
    }

    /**
     * The crash comes after every line was spoken and the track was mixed, while the video is muxed.
     * espeak-ng never says a line twice the same way, so the track written again after recovery is
     * byte for byte the one written before the crash only if no line was spoken again.
     */
    @Test
    void aCrashWhileMuxingResumesWithoutSpeakingAnyLineAgain() throws Exception {
        String jobId = Api.json(submitDub("")).path("jobId").asText();
        String audioKey = StorageKeys.output(jobId, "audio.wav");
        ObjectStorage storage = new ObjectStorage(SharedStack.stack().storage().uri());
        AtomicReference<byte[]> beforeCrash = new AtomicReference<>();
        int crashesBefore = SharedStack.probe().crashes();
        SharedStack.probe().armForFileNamed("shabdam-dub-", () -> beforeCrash.set(read(storage, audioKey)));

        JsonNode recovered = await().atMost(Duration.ofSeconds(90))
                .until(
                        () -> Api.json(api.get("/jobs/" + jobId)),
                        job -> List.of("COMPLETED", "FAILED")
                                .contains(job.path("status").asText()));

        assertThat(SharedStack.probe().crashes())
                .as("the injected crash happened")
                .isEqualTo(crashesBefore + 1);
        assertThat(recovered.path("status").asText()).as("%s", recovered).isEqualTo("COMPLETED");
        assertThat(beforeCrash.get())
                .as("the track was written before the crash")
                .isNotNull();
        assertThat(Files.readAllBytes(download(recovered, "audio", "recovered.wav")))
                .as("the dubbed track after recovery is byte for byte the one before the crash")
                .isEqualTo(beforeCrash.get());
    }

    private static byte[] read(ObjectStorage storage, String key) {
        try {
            return storage.readIfPresent(key).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode dub(String query) throws IOException {
        HttpResponse<String> response = submitDub((query.isEmpty() ? "?" : query + "&") + "wait=60");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    private HttpResponse<String> submitDub(String query) throws IOException {
        Map<String, Api.Part> parts = new LinkedHashMap<>();
        parts.put("file", new Api.Part("clip.mp4", Files.readAllBytes(sample.video())));
        parts.put("subtitles", new Api.Part("en.srt", Files.readAllBytes(sample.subtitles())));
        parts.put("translation", new Api.Part("ml.srt", Files.readAllBytes(sample.translation())));
        return api.upload("/voice/dub" + query, parts);
    }

    private Path download(JsonNode job, String output, String fileName) throws IOException {
        HttpResponse<byte[]> response =
                api.getBytes(job.path("outputs").path(output).asText(), null);
        assertThat(response.statusCode()).isEqualTo(200);
        return Files.write(dir.resolve(job.path("jobId").asText() + "-" + fileName), response.body());
    }

    private static int frame(long ms, DecodedAudio audio) {
        return (int) Math.max(0, Math.min(audio.frames(), ms * audio.sampleRate() / 1000));
    }

    /** The gain of {@code reference} in {@code mix} over [from, to): least squares, the dub being unrelated to it. */
    private static double projection(float[] mix, float[] reference, int from, int to) {
        double dot = 0;
        double energy = 0;
        for (int i = from; i < to; i++) {
            dot += mix[i] * reference[i];
            energy += reference[i] * reference[i];
        }
        return dot / energy;
    }

    private static float[] difference(float[] mix, float[] reference, double gain) {
        float[] rest = new float[Math.min(mix.length, reference.length)];
        for (int i = 0; i < rest.length; i++) {
            rest[i] = (float) (mix[i] - gain * reference[i]);
        }
        return rest;
    }

    private static double rms(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i] * x[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }
}
