package dev.shabdam.pipeline.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SileroVadTest {
    /** Tests run in pipeline-job/; models/fetch puts the model under the repository root. */
    private static final Path MODELS = Stream.of(Path.of("../models/cache"), Path.of("models/cache"))
            .filter(dir -> Files.isRegularFile(dir.resolve(SileroVad.MODEL_FILE)))
            .findFirst()
            .orElse(null);

    @Test
    void findsTwoSentencesWhereTheyAre(@TempDir Path dir) throws Exception {
        assumeTrue(MODELS != null, "skipped: silero_vad_v5.onnx not found under models/cache (run models/fetch)");
        DecodedAudio first = espeak(dir, "The quick brown fox jumps over the lazy dog.");
        DecodedAudio second = espeak(dir, "Every morning she walks to the market by the river.");
        int rate = first.sampleRate();
        // first sentence, a second of silence, the second sentence: one file, as a video's track would be
        float[] joined = new float[first.frames() + rate + second.frames()];
        System.arraycopy(first.channels()[0], 0, joined, 0, first.frames());
        System.arraycopy(second.channels()[0], 0, joined, first.frames() + rate, second.frames());
        Path wav = dir.resolve("both.wav");
        WavWriter.write(wav, DecodedAudio.mono(rate, joined), WavWriter.Encoding.PCM_16);
        long secondOffsetMs = (first.frames() + rate) * 1000L / rate;

        DecodedAudio speech = new AudioDecoder().decode(wav.toFile(), SpeechTrackExtractor.SPEECH_RATE_HZ, 1);
        float[] probabilities;
        try (SileroVad vad = SileroVad.open(MODELS, false)) {
            probabilities = vad.speechProbabilities(speech.channels()[0]);
        }
        assertThat(probabilities).hasSize((speech.frames() + 511) / 512);
        List<SpeechSpan> spans =
                new VoiceActivitySegmenter().segment(probabilities, Math.round(speech.durationSec() * 1000));

        assertThat(spans).hasSize(2);
        long[] truth1 = audibleMs(first);
        long[] truth2 = audibleMs(second);
        System.out.printf(
                "speech %s / %s+%d ms, found %s%n",
                java.util.Arrays.toString(truth1), java.util.Arrays.toString(truth2), secondOffsetMs, spans);
        assertThat(spans.get(0).startMs()).isCloseTo(truth1[0], within(150L));
        assertThat(spans.get(0).endMs()).isCloseTo(truth1[1], within(150L));
        assertThat(spans.get(1).startMs()).isCloseTo(secondOffsetMs + truth2[0], within(150L));
        assertThat(spans.get(1).endMs()).isCloseTo(secondOffsetMs + truth2[1], within(150L));
    }

    @Test
    void aTrackJudgedBlockByBlockGetsTheProbabilitiesOfTheWhole() throws Exception {
        assumeTrue(MODELS != null, "skipped: silero_vad_v5.onnx not found under models/cache (run models/fetch)");
        float[] track = new float[3 * SileroVad.SAMPLE_RATE_HZ + 123];
        for (int i = 0; i < track.length; i++) {
            // a vowel-like buzz in the middle second, faint noise around it
            double buzz = i > SileroVad.SAMPLE_RATE_HZ && i < 2 * SileroVad.SAMPLE_RATE_HZ
                    ? 0.3 * Math.signum(Math.sin(2 * Math.PI * 130 * i / SileroVad.SAMPLE_RATE_HZ))
                    : 0;
            track[i] = (float) (buzz + 0.001 * Math.sin(i * 1.7));
        }
        try (SileroVad vad = SileroVad.open(MODELS, false)) {
            float[] whole = vad.speechProbabilities(track);
            SileroVad.Track inBlocks = vad.track();
            for (int from = 0; from < track.length; from += 1_000) {
                inBlocks.add(track, from, Math.min(track.length, from + 1_000));
            }
            assertThat(inBlocks.finish()).hasSize((track.length + 511) / 512).isEqualTo(whole);
        }
    }

    @Test
    void missingModelNamesTheFileAndTheFetchCommand(@TempDir Path dir) {
        assertThatThrownBy(() -> SileroVad.open(dir, true))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining(
                        dir.resolve(SileroVad.MODEL_FILE).toAbsolutePath().toString())
                .hasMessageContaining("models/fetch");
    }

    /** espeak-ng's English speech of {@code text}, at its own rate (22050 Hz). */
    private static DecodedAudio espeak(Path dir, String text) throws Exception {
        Path wav = Files.createTempFile(dir, "espeak-", ".wav");
        Process process;
        try {
            process = new ProcessBuilder("espeak-ng", "-v", "en", "-w", wav.toString(), text)
                    .redirectErrorStream(true)
                    .start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "skipped: espeak-ng is not installed (apt-get install espeak-ng)");
            throw e;
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return new AudioDecoder().decode(wav.toFile());
    }

    /** Where the waveform first and last rises above −40 dBFS: espeak's own leading and trailing silence is exact zeros. */
    private static long[] audibleMs(DecodedAudio audio) {
        float[] x = audio.channels()[0];
        int from = 0;
        while (Math.abs(x[from]) < 0.01f) {
            from++;
        }
        int to = x.length - 1;
        while (Math.abs(x[to]) < 0.01f) {
            to--;
        }
        return new long[] {from * 1000L / audio.sampleRate(), (to + 1) * 1000L / audio.sampleRate()};
    }
}
