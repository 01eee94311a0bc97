package dev.shabdam.pipeline.training;

import dev.shabdam.pipeline.analysis.loudness.LoudnessMeter;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;
import dev.shabdam.pipeline.media.DecodedAudio;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SamplePreprocessorTest {

    /** 1 s silence, 3 s vowel, 2 s silence, 3 s vowel, 1 s silence, at 44.1 kHz stereo with a DC offset. */
    private static DecodedAudio recording(float dc, double noiseRms) {
        int rate = 44100;
        float[] vowel = SyntheticVowel.of(130, new double[] {600, 1500, 2500}, 3.0);
        float[] upsampled = dev.shabdam.pipeline.analysis.dsp.Resampler.resample(vowel, SpeechSignal.RATE, rate);
        float[] x = new float[rate * 10];
        System.arraycopy(upsampled, 0, x, rate, upsampled.length);
        System.arraycopy(upsampled, 0, x, rate * 6, upsampled.length);
        Random random = new Random(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.3f * x[i] + dc + (float) (noiseRms * random.nextGaussian());
        }
        return new DecodedAudio(rate, new float[][] {x, x.clone()});
    }

    @Test
    void keepsTheSpeechAtTheAnalysisRateWithoutDcAtTheTrainingLoudness() {
        PreparedSample prepared = SamplePreprocessor.standard().prepare(recording(0.05f, 0.0005));

        assertThat(prepared.durationSec()).isCloseTo(10.0, within(0.01));
        assertThat(prepared.speechSec()).isCloseTo(6.0, within(0.3));
        float[] x = prepared.speech().samples();
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        assertThat(mean / x.length).isCloseTo(0, within(0.002));
        Double lufs = new LoudnessMeter()
                .measure(DecodedAudio.mono(SpeechSignal.RATE, x))
                .integratedLufs();
        assertThat(lufs).isCloseTo(SamplePreprocessor.TARGET_LUFS, within(0.5));
    }

    @Test
    void spectralGatingLowersTheNoiseBetweenWords() {
        DecodedAudio noisy = recording(0, 0.01);
        float[] before = SpeechSignal.of(noisy).samples();
        float[] after = SpectralGate.apply(before);
        // the first second is noise only
        assertThat(rmsDb(after, 1000, 15000)).isLessThan(rmsDb(before, 1000, 15000) - 8);
        // the vowel passes nearly untouched
        assertThat(rmsDb(after, 20000, 60000)).isCloseTo(rmsDb(before, 20000, 60000), within(1.0));
    }

    private static double rmsDb(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i] * (double) x[i];
        }
        return 10 * Math.log10(sum / (to - from));
    }
}
