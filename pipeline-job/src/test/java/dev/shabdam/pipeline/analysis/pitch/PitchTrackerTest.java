package dev.shabdam.pipeline.analysis.pitch;

import dev.shabdam.pipeline.analysis.TestSignals;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PitchTrackerTest {
    private static final int RATE = SpeechSignal.RATE;
    private final PitchTracker tracker = new PitchTracker();

    @ParameterizedTest(name = "sawtooth {0} Hz")
    @ValueSource(doubles = {80, 120, 200, 300, 400})
    void sawtoothWithinOnePercent(double hz) {
        assertTrackedWithinOnePercent(TestSignals.sawtooth(RATE, hz, 0.5, 1.0), hz);
    }

    @ParameterizedTest(name = "pulse train {0} Hz")
    @ValueSource(doubles = {80, 120, 200, 300, 400})
    void pulseTrainWithinOnePercent(double hz) {
        assertTrackedWithinOnePercent(TestSignals.pulseTrain(RATE, hz, 1.0, 0, 0, 1), hz);
    }

    private void assertTrackedWithinOnePercent(float[] x, double hz) {
        PitchTrack track = tracker.track(new SpeechSignal(x));
        PitchSummary summary = PitchSummary.of(track);
        assertThat(track.voicedCount()).as("voiced frames").isGreaterThan(track.f0Hz().length * 8 / 10);
        assertThat(summary.minHz()).isCloseTo(hz, within(hz * 0.01));
        assertThat(summary.maxHz()).isCloseTo(hz, within(hz * 0.01));
        assertThat(summary.stdevSemitones()).isLessThan(0.1);
    }

    @Test
    void glideIsTrackedMonotonically() {
        // a sawtooth whose frequency rises linearly from 100 to 200 Hz over 2 s
        float[] x = new float[2 * RATE];
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            phase += (100 + 50.0 * i / RATE) / RATE;
            x[i] = (float) (0.5 * (2 * (phase % 1.0) - 1));
        }
        double[] f0 = tracker.track(new SpeechSignal(x)).f0Hz();
        double previous = 0;
        int voiced = 0;
        for (double f : f0) {
            if (f > 0) {
                assertThat(f).isGreaterThanOrEqualTo(previous - 0.5);
                previous = f;
                voiced++;
            }
        }
        assertThat(voiced).isGreaterThan(f0.length * 8 / 10);
        assertThat(previous).isCloseTo(200, within(6.0));
    }

    @Test
    void whiteNoiseHasNoPitch() {
        PitchTrack track = tracker.track(new SpeechSignal(TestSignals.whiteNoise(RATE, 0.1, 2, 7)));
        assertThat(track.voicedCount()).isLessThan(track.f0Hz().length / 20);
    }

    @Test
    void silenceHasNoPitchSummary() {
        PitchTrack track = tracker.track(new SpeechSignal(new float[RATE]));
        assertThat(PitchSummary.of(track)).isEqualTo(PitchSummary.NONE);
    }
}
