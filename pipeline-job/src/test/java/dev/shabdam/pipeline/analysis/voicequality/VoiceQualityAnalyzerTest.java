package dev.shabdam.pipeline.analysis.voicequality;

import dev.shabdam.pipeline.analysis.TestSignals;
import dev.shabdam.pipeline.analysis.pitch.PitchTracker;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VoiceQualityAnalyzerTest {
    private static final int RATE = SpeechSignal.RATE;

    private static VoiceQuality measure(float[] x) {
        SpeechSignal signal = new SpeechSignal(x);
        return new VoiceQualityAnalyzer().measure(signal, new PitchTracker().track(signal));
    }

    @Test
    void perfectPulseTrainHasNearZeroJitterAndShimmer() {
        VoiceQuality q = measure(TestSignals.pulseTrain(RATE, 120, 3, 0, 0, 1));
        System.out.println("perfect pulse train: " + q);
        assertThat(q.jitterPercent()).isLessThan(0.1);
        assertThat(q.shimmerPercent()).isLessThan(0.5);
        assertThat(q.hnrDb()).isGreaterThan(30);
    }

    @Test
    void periodPerturbationShowsAsJitter() {
        // periods with a 2 % standard deviation: expected local jitter 2·2 %/√π ≈ 2.3 %
        VoiceQuality q = measure(TestSignals.pulseTrain(RATE, 120, 3, 0.02, 0, 2));
        System.out.println("2 % period perturbation: " + q);
        assertThat(q.jitterPercent()).isBetween(1.5, 3.2);
        assertThat(q.shimmerPercent()).isLessThan(1.0);
    }

    @Test
    void amplitudePerturbationShowsAsShimmer() {
        // heights with a 5 % standard deviation: expected local shimmer ≈ 5.6 %
        VoiceQuality q = measure(TestSignals.pulseTrain(RATE, 120, 3, 0, 0.05, 3));
        System.out.println("5 % amplitude perturbation: " + q);
        assertThat(q.shimmerPercent()).isBetween(3.5, 8.0);
        assertThat(q.jitterPercent()).isLessThan(0.3);
    }

    @Test
    void noiseLowersHnr() {
        float[] clean = TestSignals.pulseTrain(RATE, 120, 3, 0, 0, 4);
        float[] noisy = TestSignals.plus(clean, TestSignals.whiteNoise(RATE, 0.02, 3, 5));
        assertThat(measure(noisy).hnrDb()).isLessThan(measure(clean).hnrDb() - 10);
    }
}
