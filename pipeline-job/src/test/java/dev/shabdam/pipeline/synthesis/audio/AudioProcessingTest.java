package dev.shabdam.pipeline.synthesis.audio;

import dev.shabdam.pipeline.analysis.loudness.Loudness;
import dev.shabdam.pipeline.analysis.loudness.LoudnessMeter;
import dev.shabdam.pipeline.media.DecodedAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AudioProcessingTest {

    /** A harmonic-rich "voiced" tone: what F0 estimation and pitch shifting are for. */
    private static Audio buzz(double hz, double seconds, int rate, double amplitude) {
        float[] x = new float[(int) (seconds * rate)];
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) rate;
            x[i] = (float) (amplitude
                    * (Math.sin(2 * Math.PI * hz * t)
                            + 0.5 * Math.sin(4 * Math.PI * hz * t)
                            + 0.25 * Math.sin(6 * Math.PI * hz * t))
                    / 1.75);
        }
        return new Audio(x, rate);
    }

    private static Loudness loudness(Audio audio) {
        return new LoudnessMeter().measure(DecodedAudio.mono(audio.sampleRate(), audio.samples()));
    }

    @Test
    void medianPitchFindsAKnownPitchAtEngineRates() {
        assertThat(MedianPitch.hz(buzz(120, 1, 22050, 0.5))).isCloseTo(120, within(1.0));
        assertThat(MedianPitch.hz(buzz(233, 1, 16000, 0.5))).isCloseTo(233, within(2.0));
        assertThat(MedianPitch.hz(new Audio(new float[22050], 22050))).isNaN();
    }

    @ParameterizedTest
    @ValueSource(doubles = {-12, -4, 1, 4, 12})
    void pitchShifterLandsTheSemitonesAndKeepsTheLength(double semitones) {
        Audio source = buzz(150, 1.5, 22050, 0.5);
        Audio shifted = PitchShifter.shift(source, semitones);
        double measured = 12 * Math.log(MedianPitch.hz(shifted) / 150) / Math.log(2);
        assertThat(measured).isCloseTo(semitones, within(0.3));
        assertThat(shifted.samples()).hasSameSizeAs(source.samples());
    }

    @Test
    void timeStretchChangesLengthNotPitch() {
        Audio stretched = TimeStretch.byRate(buzz(150, 1.0, 22050, 0.5), 0.8);
        assertThat(stretched.durationSeconds()).isCloseTo(1.25, within(0.001));
        assertThat(MedianPitch.hz(stretched)).isCloseTo(150, within(2.0));
    }

    @Test
    void normalizerHitsTheTargetAndRespectsTheCeiling() {
        LoudnessNormalizer normalizer = LoudnessNormalizer.standard();
        Audio quiet = normalizer.normalize(buzz(200, 3, 22050, 0.05), 0);
        assertThat(loudness(quiet).integratedLufs()).isCloseTo(-16, within(0.1));
        assertThat(loudness(quiet).truePeakDbtp()).isLessThanOrEqualTo(-1.0);
        // +14 dB over the target would need a peak above 0 dBTP: the ceiling wins.
        Audio capped = normalizer.normalize(buzz(200, 3, 22050, 0.05), 14);
        assertThat(loudness(capped).truePeakDbtp()).isCloseTo(-1.0, within(0.01));
    }
}
