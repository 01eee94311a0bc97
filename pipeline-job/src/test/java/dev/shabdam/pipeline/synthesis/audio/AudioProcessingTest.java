package dev.shabdam.pipeline.synthesis.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AudioProcessingTest {

    /** A harmonic-rich "voiced" tone: what F0 estimation and pitch shifting are for. */
    private static Audio buzz(double hz, double seconds, int rate, double amplitude) {
        float[] x = new float[(int) (seconds * rate)];
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) rate;
            x[i] = (float) (amplitude * (Math.sin(2 * Math.PI * hz * t) + 0.5 * Math.sin(4 * Math.PI * hz * t) + 0.25 * Math.sin(6 * Math.PI * hz * t)) / 1.75);
        }
        return new Audio(x, rate);
    }

    @Test
    void f0EstimatorFindsAKnownPitch() {
        assertThat(F0Estimator.medianHz(buzz(120, 1, 22050, 0.5))).isCloseTo(120, within(1.0));
        assertThat(F0Estimator.medianHz(buzz(233, 1, 16000, 0.5))).isCloseTo(233, within(2.0));
        assertThat(F0Estimator.medianHz(new Audio(new float[22050], 22050))).isNaN();
    }

    @ParameterizedTest
    @ValueSource(doubles = {-12, -4, 1, 4, 12})
    void pitchShifterLandsTheSemitonesAndKeepsTheLength(double semitones) {
        Audio source = buzz(150, 1.5, 22050, 0.5);
        Audio shifted = PitchShifter.shift(source, semitones);
        double measured = 12 * Math.log(F0Estimator.medianHz(shifted) / 150) / Math.log(2);
        assertThat(measured).isCloseTo(semitones, within(0.3));
        assertThat(shifted.samples()).hasSameSizeAs(source.samples());
    }

    @Test
    void timeStretchChangesLengthNotPitch() {
        Audio stretched = PitchShifter.timeStretch(buzz(150, 1.0, 22050, 0.5), 0.8);
        assertThat(stretched.durationSeconds()).isCloseTo(1.25, within(0.001));
        assertThat(F0Estimator.medianHz(stretched)).isCloseTo(150, within(2.0));
    }

    /** EBU Tech 3341 case 1: 1 kHz sine at −23 dBFS reads −23 LUFS (mono counts as one channel). */
    @Test
    void loudnessOfAReferenceSine() {
        for (int rate : new int[] {48000, 22050, 16000}) {
            float[] x = new float[rate * 20];
            double amplitude = Math.pow(10, -23 / 20.0);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (amplitude * Math.sin(2 * Math.PI * 1000 * i / rate));
            }
            // A mono sine of peak A has mean square A²/2, so it reads 3 dB under its peak level.
            assertThat(new Bs1770LoudnessMeter().integratedLufs(x, rate)).isCloseTo(-26.0, within(0.1));
        }
        assertThat(new Bs1770LoudnessMeter().integratedLufs(new float[48000], 48000)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void normalizerHitsTheTargetAndRespectsTheCeiling() {
        LoudnessNormalizer normalizer = LoudnessNormalizer.standard();
        Audio quiet = normalizer.normalize(buzz(200, 3, 22050, 0.05), 0);
        assertThat(new Bs1770LoudnessMeter().integratedLufs(quiet.samples(), 22050)).isCloseTo(-16, within(0.1));
        assertThat(TruePeak.dbtp(quiet.samples())).isLessThanOrEqualTo(-1.0);
        // +14 dB over the target would need a peak above 0 dBTP: the ceiling wins.
        Audio capped = normalizer.normalize(buzz(200, 3, 22050, 0.05), 14);
        assertThat(TruePeak.dbtp(capped.samples())).isCloseTo(-1.0, within(0.01));
    }

    @Test
    void truePeakSeesInterSampleOvers() {
        float[] x = new float[4800];
        for (int i = 0; i < x.length; i++) { // fs/4 sine sampled at ±45°: samples at 0.707, true peak 1.0
            x[i] = (float) Math.sin(2 * Math.PI * i / 4 + Math.PI / 4);
        }
        assertThat(TruePeak.dbtp(x)).isCloseTo(0, within(0.2));
    }

    @Test
    void wavIsPcm16MonoWithTheRightHeader() {
        Audio audio = new Audio(new float[] {0f, 0.5f, -1f, 2f}, 22050);
        ByteBuffer wav = ByteBuffer.wrap(WavWriter.toBytes(audio)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(wav.capacity()).isEqualTo(44 + 8);
        assertThat(new String(wav.array(), 0, 4)).isEqualTo("RIFF");
        assertThat(wav.getInt(4)).isEqualTo(36 + 8);
        assertThat(wav.getShort(22)).isEqualTo((short) 1);
        assertThat(wav.getInt(24)).isEqualTo(22050);
        assertThat(wav.getShort(34)).isEqualTo((short) 16);
        assertThat(wav.getShort(44 + 2)).isEqualTo((short) 16384);
        assertThat(wav.getShort(44 + 4)).isEqualTo((short) -32768);
        assertThat(wav.getShort(44 + 6)).isEqualTo((short) 32767); // clipped, not wrapped
    }
}
