package dev.shabdam.pipeline.synthesis.cloning;

import dev.shabdam.pipeline.analysis.speech.SpeechSignal;
import dev.shabdam.pipeline.training.SyntheticVowel;
import dev.shabdam.pipeline.training.VoiceFeatureExtractor;
import dev.shabdam.pipeline.training.VoiceFeatures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpectralEnvelopeShaperTest {

    @Test
    void warpingMovesTheFormantsAndKeepsThePitch() {
        float[] vowel = SyntheticVowel.of(120, new double[] {500, 1500, 2500}, 3.0);
        float[] warped = new SpectralEnvelopeShaper()
                .warp(vowel, SpeechSignal.RATE, new double[] {500, 1500, 2500}, new double[] {600, 1650, 2900});
        VoiceFeatures before = VoiceFeatureExtractor.withoutEmbedding()
                .measure(new SpeechSignal(vowel))
                .orElseThrow();
        VoiceFeatures after = VoiceFeatureExtractor.withoutEmbedding()
                .measure(new SpeechSignal(warped))
                .orElseThrow();
        assertThat(after.f0MedianHz()).isCloseTo(before.f0MedianHz(), within(1.0));
        assertThat(after.formants()[0]).isCloseTo(600, within(60.0));
        assertThat(after.formants()[1]).isCloseTo(1650, within(100.0));
        assertThat(after.formants()[2]).isCloseTo(2900, within(150.0));
    }

    @Test
    void theWarpIsPiecewiseLinearThroughTheFormants() {
        double[] from = {500, 1500, 2500};
        double[] to = {600, 1650, 2900};
        assertThat(SpectralEnvelopeShaper.inverseWarp(600, from, to)).isCloseTo(500, within(1e-9));
        assertThat(SpectralEnvelopeShaper.inverseWarp(300, from, to)).isCloseTo(250, within(1e-9));
        assertThat(SpectralEnvelopeShaper.inverseWarp(2900, from, to)).isCloseTo(2500, within(1e-9));
        assertThat(SpectralEnvelopeShaper.inverseWarp(5800, from, to)).isCloseTo(5000, within(1e-9));
    }
}
