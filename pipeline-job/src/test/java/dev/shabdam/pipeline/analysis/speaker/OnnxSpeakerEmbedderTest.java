package dev.shabdam.pipeline.analysis.speaker;

import dev.shabdam.pipeline.analysis.ComparisonResult;
import dev.shabdam.pipeline.analysis.TestSignals;
import dev.shabdam.pipeline.analysis.VoiceComparator;
import dev.shabdam.pipeline.analysis.pitch.PitchTrack;
import dev.shabdam.pipeline.analysis.pitch.PitchTracker;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;
import dev.shabdam.pipeline.media.DecodedAudio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The ONNX speaker embedder against a stand-in with the WeSpeaker signature ({@link StandInSpeakerModel}). */
class OnnxSpeakerEmbedderTest {
    private static final int RATE = 16000;

    @TempDir
    Path modelsDir;

    private SpeakerEmbedder embedder;

    @AfterEach
    void close() throws Exception {
        if (embedder instanceof AutoCloseable closeable) {
            closeable.close();
        }
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
        StandInSpeakerModel.install(modelsDir);
        embedder = VoiceComparator.embedderFor(modelsDir);
        assertThat(embedder).isInstanceOf(OnnxSpeakerEmbedder.class);
        assertThat(embedder.id()).isEqualTo("wespeaker-resnet34-lm");
        assertThat(embedder.embed(SpeechSignal.of(voice(120, 1.0, 3)))).hasSize(StandInSpeakerModel.DIM);
    }

    @Test
    void theFeaturesAreMeanNormalisedVoicedFrames() throws Exception {
        StandInSpeakerModel.install(modelsDir);
        OnnxSpeakerEmbedder onnx =
                (OnnxSpeakerEmbedder) OnnxSpeakerEmbedder.installed(modelsDir).orElseThrow();
        embedder = onnx;
        SpeechSignal signal = SpeechSignal.of(voice(120, 1.0, 4));
        float[] feats = onnx.features(signal);
        int frames = feats.length / OnnxSpeakerEmbedder.MEL_BANDS;
        PitchTrack pitch = new PitchTracker().track(signal);
        long voiced = java.util.stream.IntStream.range(0, signal.frameCount())
                .filter(pitch::voiced)
                .count();
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
        StandInSpeakerModel.install(modelsDir);
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
