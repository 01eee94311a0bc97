package dev.shabdam.pipeline.analysis.speech;

import dev.shabdam.pipeline.analysis.dsp.Resampler;
import dev.shabdam.pipeline.analysis.loudness.LoudnessMeter;
import dev.shabdam.pipeline.media.DecodedAudio;

/**
 * Turns audio of any layout and rate into the 16 kHz mono track of {@link SpeechSignal}, block by
 * block: the channels that carry programme (all but an LFE) are averaged, then resampled
 * ({@link Resampler.Stream}). Loudness keeps the original channels and BS.1770's weights; speech
 * features want one voice, wherever in the layout it sits.
 */
public final class SpeechDownmix {
    private final double[] weights;
    private final int used;
    private final Resampler.Stream resampler;

    public SpeechDownmix(int sampleRate, int channels) {
        this.weights = LoudnessMeter.channelWeights(channels);
        int n = 0;
        for (double w : weights) {
            n += w > 0 ? 1 : 0;
        }
        this.used = n;
        this.resampler = new Resampler.Stream(sampleRate, SpeechSignal.RATE);
    }

    /** The 16 kHz samples this block completes. */
    public float[] add(DecodedAudio block) {
        float[] mono = mono(block);
        return resampler.add(mono, 0, mono.length);
    }

    /** The last 16 kHz samples, once the audio has ended. */
    public float[] finish() {
        return resampler.finish();
    }

    private float[] mono(DecodedAudio block) {
        if (used == 1 && weights[0] > 0) {
            return block.channels()[0];
        }
        float[] mono = new float[block.frames()];
        for (int c = 0; c < block.channelCount(); c++) {
            if (weights[c] > 0) {
                float[] x = block.channels()[c];
                for (int i = 0; i < mono.length; i++) {
                    mono[i] += x[i];
                }
            }
        }
        float scale = 1f / used;
        for (int i = 0; i < mono.length; i++) {
            mono[i] *= scale;
        }
        return mono;
    }
}
