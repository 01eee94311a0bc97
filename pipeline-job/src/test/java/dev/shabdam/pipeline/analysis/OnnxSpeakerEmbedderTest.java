package dev.shabdam.pipeline.analysis;

import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.models.OnnxGraphBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The ONNX speaker embedder against a stand-in with the WeSpeaker signature ({@code feats} [1, T, 80] →
 * {@code embs} [1, 16]), built by the test: the per-band energy of the mean-normalised features over
 * time (the sum of squares: their mean is zero by construction), projected by a fixed random [80, 16]
 * matrix. It is no speaker model, but it does see what the real one is fed.
 */
class OnnxSpeakerEmbedderTest {
    private static final int RATE = 16000;
    private static final int DIM = 16;

    @TempDir
    Path modelsDir;

    private SpeakerEmbedder embedder;

    @AfterEach
    void close() throws Exception {
        if (embedder instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** Writes the stand-in model where the manifest puts the WeSpeaker model under {@code modelsDir}. */
    static void install(Path modelsDir) throws Exception {
        Random random = new Random(7);
        float[] weights = new float[OnnxSpeakerEmbedder.MEL_BANDS * DIM];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        byte[] model = new OnnxGraphBuilder()
                .int64Constant("time_axis", 1)
                .floatTensor("projection", new long[] {OnnxSpeakerEmbedder.MEL_BANDS, DIM}, weights)
                .node("Mul", List.of("feats", "feats"), List.of("squared"))
                .node("ReduceSum", List.of("squared", "time_axis"), List.of("energy"), "keepdims", 0L)
                .node("MatMul", List.of("energy", "projection"), List.of("embs"))
                .input("feats", OnnxGraphBuilder.FLOAT, 1L, "frames", (long) OnnxSpeakerEmbedder.MEL_BANDS)
                .output("embs", OnnxGraphBuilder.FLOAT, 1L, (long) DIM)
                .build();
        Path file = modelsDir.resolve(OnnxSpeakerEmbedder.FILE);
        Files.createDirectories(file.getParent());
        Files.write(file, model);
    }

    private static DecodedAudio voice(double f0, double tilt, double seconds) {
        return DecodedAudio.mono(RATE, TestSignals.syllables(RATE, f0, 3, tilt, 4, 2.0, 0.5, seconds, 0.3));
    }

    @Test
    void withoutTheModelFileNothingIsInstalledAndComparisonFallsBackToMfccStats() throws Exception {
        assertThat(OnnxSpeakerEmbedder.installed(modelsDir)).isEmpty();
        embedder = VoiceComparator.embedderFor(modelsDir);
        assertThat(embedder.id()).isEqualTo(MfccStatsEmbedder.ID);
    }

    @Test
    void theInstalledModelIsFoundAndNamesItself() throws Exception {
        install(modelsDir);
        embedder = VoiceComparator.embedderFor(modelsDir);
        assertThat(embedder).isInstanceOf(OnnxSpeakerEmbedder.class);
        assertThat(embedder.id()).isEqualTo("wespeaker-resnet34-lm");
        assertThat(embedder.embed(SpeechSignal.of(voice(120, 1.0, 3)))).hasSize(DIM);
    }

    @Test
    void theFeaturesAreMeanNormalisedVoicedFrames() throws Exception {
        install(modelsDir);
        OnnxSpeakerEmbedder onnx = (OnnxSpeakerEmbedder) OnnxSpeakerEmbedder.installed(modelsDir).orElseThrow();
        embedder = onnx;
        SpeechSignal signal = SpeechSignal.of(voice(120, 1.0, 4));
        float[] feats = onnx.features(signal);
        int frames = feats.length / OnnxSpeakerEmbedder.MEL_BANDS;
        PitchTrack pitch = new PitchTracker().track(signal);
        long voiced = java.util.stream.IntStream.range(0, signal.frameCount()).filter(pitch::voiced).count();
        assertThat(frames).isEqualTo(voiced).isGreaterThan(0).isLessThan(signal.frameCount());
        for (int m = 0; m < OnnxSpeakerEmbedder.MEL_BANDS; m++) {
            double sum = 0;
            for (int t = 0; t < frames; t++) {
                sum += feats[t * OnnxSpeakerEmbedder.MEL_BANDS + m];
            }
            assertThat(sum / frames).as("band %d", m).isCloseTo(0.0, within(1e-3));
        }
        // silence has no voiced frame: no embedding, and so no similarity
        assertThat(onnx.embed(new SpeechSignal(new float[RATE]))).isEmpty();
    }

    @Test
    void theSameVoiceIsCloserThanADifferentOne() throws Exception {
        install(modelsDir);
        embedder = VoiceComparator.embedderFor(modelsDir);
        VoiceComparator comparator = new VoiceComparator(embedder);
        DecodedAudio a = voice(120, 1.0, 8);

        ComparisonResult self = comparator.compare(a, a);
        ComparisonResult near = comparator.compare(a, voice(125, 1.1, 6));
        ComparisonResult far = comparator.compare(a, voice(240, 2.5, 6));
        System.out.println("onnx similar: " + near + "\nonnx different: " + far);

        assertThat(self.embedding()).isEqualTo(OnnxSpeakerEmbedder.ID);
        assertThat(self.speakerSimilarity()).isCloseTo(1.0, within(1e-6));
        assertThat(far.speakerSimilarity()).isLessThan(near.speakerSimilarity()).isLessThan(0.95);
    }
}
