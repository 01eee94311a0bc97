package dev.shabdam.pipeline.analysis.loudness;

import dev.shabdam.pipeline.analysis.TestSignals;
import dev.shabdam.pipeline.media.DecodedAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** EBU Tech 3341 (loudness) and Tech 3342 (loudness range) minimum-requirement signals, regenerated. */
class LoudnessMeterTest {
    private static final int RATE = 48000;
    private final LoudnessMeter meter = new LoudnessMeter();

    static Stream<Arguments> tech3341() {
        return Stream.of(
                Arguments.of("case 1", new double[] {-23}, new double[] {20}, -23.0),
                Arguments.of("case 2", new double[] {-33}, new double[] {20}, -33.0),
                Arguments.of("case 3", new double[] {-36, -23, -36}, new double[] {10, 60, 10}, -23.0),
                Arguments.of(
                        "case 4", new double[] {-72, -36, -23, -36, -72}, new double[] {10, 10, 60, 10, 10}, -23.0),
                Arguments.of("case 5", new double[] {-26, -20, -26}, new double[] {20.1, 20.1, 20.1}, -23.0));
    }

    @ParameterizedTest(name = "Tech 3341 {0}")
    @MethodSource("tech3341")
    void integratedLoudnessOfTech3341Cases(String name, double[] dbfs, double[] seconds, double expectedLufs) {
        Loudness loudness = meter.measure(TestSignals.stereo(RATE, TestSignals.steps(RATE, dbfs, seconds)));
        System.out.printf("Tech 3341 %s: %.3f LUFS (expected %.1f)%n", name, loudness.integratedLufs(), expectedLufs);
        assertThat(loudness.integratedLufs()).isCloseTo(expectedLufs, within(0.1));
    }

    static Stream<Arguments> tech3342() {
        return Stream.of(
                Arguments.of("case 1", new double[] {-20, -30}, 10.0),
                Arguments.of("case 2", new double[] {-20, -15}, 5.0),
                Arguments.of("case 3", new double[] {-40, -20}, 20.0),
                Arguments.of("case 4", new double[] {-50, -35, -20, -35, -50}, 15.0));
    }

    @ParameterizedTest(name = "Tech 3342 {0}")
    @MethodSource("tech3342")
    void loudnessRangeOfTech3342Cases(String name, double[] dbfs, double expectedLu) {
        double[] seconds = new double[dbfs.length];
        java.util.Arrays.fill(seconds, 20);
        Loudness loudness = meter.measure(TestSignals.stereo(RATE, TestSignals.steps(RATE, dbfs, seconds)));
        System.out.printf("Tech 3342 %s: LRA %.3f LU (expected %.1f)%n", name, loudness.loudnessRangeLu(), expectedLu);
        assertThat(loudness.loudnessRangeLu()).isCloseTo(expectedLu, within(1.0));
    }

    @Test
    void sameLoudnessAtOtherSampleRates() {
        // K-weighting computed for the rate, not the 48 kHz table: a 1 kHz tone reads the same everywhere
        for (int rate : new int[] {16000, 22050, 44100, 96000}) {
            Loudness loudness = meter.measure(TestSignals.stereo(rate, TestSignals.sine(rate, 1000, -23, 10, 0)));
            assertThat(loudness.integratedLufs()).as("at %d Hz", rate).isCloseTo(-23.0, within(0.1));
        }
    }

    @Test
    void monoReferenceSineCountsAsOneChannel() {
        // EBU Tech 3341 case 1 in mono at the synthesis engines' rates: a mono sine of peak A has mean
        // square A²/2, so a 1 kHz sine at −23 dBFS reads 3 dB under its peak level
        for (int rate : new int[] {48000, 22050, 16000}) {
            Loudness loudness = meter.measure(DecodedAudio.mono(rate, TestSignals.sine(rate, 1000, -23, 20, 0)));
            assertThat(loudness.integratedLufs()).as("at %d Hz", rate).isCloseTo(-26.0, within(0.1));
        }
        assertThat(meter.measure(DecodedAudio.mono(RATE, new float[RATE])).integratedLufs())
                .isNull();
    }

    @Test
    void truePeakSeesInterSampleOversOfAnAbruptMonoSine() {
        // fs/4 sine sampled at ±45°: samples at 0.707, true peak 1.0, not faded in
        Loudness loudness =
                meter.measure(DecodedAudio.mono(RATE, TestSignals.sine(RATE, RATE / 4.0, 0, 0.1, Math.PI / 4)));
        assertThat(loudness.truePeakDbtp()).isCloseTo(0, within(0.2));
    }

    @Test
    void truePeakOfFullScaleSineAtQuarterRateBetweenSamples() {
        // samples land at ±0.707 (−3 dBFS sample peak) while the waveform reaches full scale between them
        // faded in and out: an abrupt start rings (Gibbs) above the tone's own peak in any band-limited meter
        float[] x = TestSignals.faded(TestSignals.sine(RATE, RATE / 4.0, 0, 5, Math.PI / 4), RATE / 10);
        Loudness loudness = meter.measure(TestSignals.stereo(RATE, x));
        System.out.printf("true peak of 0 dBFS fs/4 sine at 45°: %.3f dBTP%n", loudness.truePeakDbtp());
        assertThat(loudness.truePeakDbtp()).isBetween(-0.4, 0.2);
    }

    @Test
    void truePeakOf997HzSine() {
        Loudness loudness = meter.measure(TestSignals.stereo(RATE, TestSignals.sine(RATE, 997, -6, 5, 0)));
        System.out.printf("true peak of −6 dBFS 997 Hz sine: %.3f dBTP%n", loudness.truePeakDbtp());
        assertThat(loudness.truePeakDbtp()).isCloseTo(-6.0, within(0.2));
    }

    @Test
    void surroundWeightsAndLfeExclusion() {
        float[] tone = TestSignals.sine(RATE, 1000, -30, 5, 0);
        float[] silence = new float[tone.length];
        // the same tone in Ls alone reads 1.5 dB louder than in L alone; in the LFE it does not count
        double left = meter.measure(
                        new DecodedAudio(RATE, new float[][] {tone, silence, silence, silence, silence, silence}))
                .integratedLufs();
        double surround = meter.measure(
                        new DecodedAudio(RATE, new float[][] {silence, silence, silence, silence, tone, silence}))
                .integratedLufs();
        Loudness lfe = meter.measure(
                new DecodedAudio(RATE, new float[][] {silence, silence, silence, tone, silence, silence}));
        assertThat(surround - left).isCloseTo(10 * Math.log10(1.41), within(0.01));
        assertThat(lfe.integratedLufs()).isNull();
        assertThat(lfe.truePeakDbtp()).isCloseTo(-30.0, within(0.1));
    }

    @Test
    void digitalSilenceHasNoLoudness() {
        Loudness loudness = meter.measure(TestSignals.stereo(RATE, new float[RATE * 5]));
        assertThat(loudness.integratedLufs()).isNull();
        assertThat(loudness.loudnessRangeLu()).isNull();
        assertThat(loudness.truePeakDbtp()).isNull();
    }
}
