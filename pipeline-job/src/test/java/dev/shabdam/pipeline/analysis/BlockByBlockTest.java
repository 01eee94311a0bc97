package dev.shabdam.pipeline.analysis;

import dev.shabdam.pipeline.analysis.dsp.Resampler;
import dev.shabdam.pipeline.analysis.loudness.LoudnessMeter;
import dev.shabdam.pipeline.analysis.loudness.SampleStatistics;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;
import dev.shabdam.pipeline.media.DecodedAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long file is measured block by block; the results must be the very numbers the whole signal gives,
 * bit for bit, whatever the block size: blocks that do not divide the 100 ms sub-blocks, the 10 ms
 * frames or the resampler's ratio, and blocks shorter than a filter's reach.
 */
class BlockByBlockTest {
    private static final int RATE = 48_000;

    /** 12 s of speech-like phrases over faint noise, with a clipped stretch and a DC offset in the second channel. */
    private static DecodedAudio recording(int channels) {
        float[] voice = TestSignals.plus(
                TestSignals.syllables(RATE, 140, 4, 1.0, 4.5, 2.5, 0.5, 12, 0.3),
                TestSignals.whiteNoise(RATE, 3e-4, 12, 3));
        float[][] x = new float[channels][];
        for (int c = 0; c < channels; c++) {
            x[c] = TestSignals.scaled(voice, 1.0 / (c + 1));
        }
        Arrays.fill(x[0], 5 * RATE, 5 * RATE + 300, 1f);
        if (channels > 1) {
            for (int i = 0; i < x[1].length; i++) {
                x[1][i] += 0.01f;
            }
        }
        return new DecodedAudio(RATE, x);
    }

    @ParameterizedTest(name = "blocks of {0} frames")
    @ValueSource(ints = {1, 7, 4799, 65_536})
    void loudnessIsTheSameInBlocks(int blockFrames) throws Exception {
        DecodedAudio audio = recording(2);
        LoudnessMeter.Measurement measurement = new LoudnessMeter().start(RATE, 2);
        var blocks = audio.blocks(blockFrames);
        for (DecodedAudio block; (block = blocks.next()) != null; ) {
            measurement.add(block);
        }
        assertThat(measurement.result()).isEqualTo(new LoudnessMeter().measure(audio));
    }

    @ParameterizedTest(name = "{0} channel(s)")
    @ValueSource(ints = {1, 2, 6})
    void theWholeAnalysisIsTheSameInBlocks(int channels) throws Exception {
        DecodedAudio audio = recording(channels);
        VoiceAnalyzer analyzer = new VoiceAnalyzer();

        AnalysisResult whole = analyzer.analyze(audio, AnalysisOptions.DEFAULT);
        AnalysisResult inBlocks = analyzer.analyze(audio.blocks(7_777), AnalysisOptions.DEFAULT);

        assertThat(inBlocks).isEqualTo(whole);
        assertThat(whole.clippingRatio()).as("a run of 300 clipped samples").isPositive();
        assertThat(whole.pitch().medianHz())
                .as("the voice is found in the down-mix")
                .isNotNull();
    }

    @ParameterizedTest(name = "{0} Hz to 16 kHz and back")
    @ValueSource(ints = {48_000, 44_100, 22_050, 8_000})
    void resamplingIsTheSameInBlocks(int rate) {
        float[] x = TestSignals.whiteNoise(rate, 0.1, 1.3, 5);
        for (int[] conversion : new int[][] {{rate, SpeechSignal.RATE}, {SpeechSignal.RATE, rate}}) {
            Resampler.Stream stream = new Resampler.Stream(conversion[0], conversion[1]);
            float[] inBlocks = new float[0];
            for (int from = 0; from < x.length; from += 333) {
                inBlocks = Resampler.join(inBlocks, stream.add(x, from, Math.min(x.length, from + 333)));
            }
            inBlocks = Resampler.join(inBlocks, stream.finish());
            assertThat(inBlocks).isEqualTo(Resampler.resample(x, conversion[0], conversion[1]));
        }
    }

    @Test
    void aClippedRunAcrossTwoBlocksCountsOnce() {
        float[] x = new float[100];
        Arrays.fill(x, 49, 52, 1f); // three full-scale samples: 49, 50 | 51
        SampleStatistics.Counter counter = new SampleStatistics.Counter(1);
        counter.add(DecodedAudio.mono(RATE, Arrays.copyOfRange(x, 0, 51)));
        counter.add(DecodedAudio.mono(RATE, Arrays.copyOfRange(x, 51, 100)));
        assertThat(counter.result()).isEqualTo(SampleStatistics.of(DecodedAudio.mono(RATE, x)));
        assertThat(counter.result().clippingRatio()).isEqualTo(0.03);
    }
}
