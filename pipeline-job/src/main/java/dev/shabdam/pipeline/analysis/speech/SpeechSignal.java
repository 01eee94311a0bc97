package dev.shabdam.pipeline.analysis.speech;

import dev.shabdam.pipeline.analysis.dsp.Resampler;
import dev.shabdam.pipeline.media.DecodedAudio;

/**
 * The 16 kHz mono track that every speech feature (voice activity, pitch, rate, voice quality, MFCC)
 * is measured on, cut into 25 ms frames every 10 ms. Frame {@code i} covers samples
 * {@code [i·HOP, i·HOP + WINDOW)}; only whole frames exist.
 *
 * <p>Loudness, peaks and clipping are measured on the original audio instead: downmixing and
 * resampling would change exactly what they measure. A whole signal in memory is for short audio;
 * a long recording's track is measured as it streams past ({@link SpeechFrames}).
 */
public final class SpeechSignal {
    public static final int RATE = 16000;
    public static final int HOP = 160;
    public static final int WINDOW = 400;

    private final float[] samples;
    private FrameLevels levels;

    public SpeechSignal(float[] samples) {
        this.samples = samples;
    }

    /** Mixes the channels that carry programme (all but an LFE) to mono and resamples to 16 kHz ({@link SpeechDownmix}). */
    public static SpeechSignal of(DecodedAudio audio) {
        SpeechDownmix downmix = new SpeechDownmix(audio.sampleRate(), audio.channelCount());
        return new SpeechSignal(Resampler.join(downmix.add(audio), downmix.finish()));
    }

    public float[] samples() {
        return samples;
    }

    public int frameCount() {
        return samples.length < WINDOW ? 0 : (samples.length - WINDOW) / HOP + 1;
    }

    public static double frameSeconds(int frames) {
        return frames * HOP / (double) RATE;
    }

    /** Per-frame level and zero-crossing rate, computed once on first use. */
    public FrameLevels levels() {
        if (levels == null) {
            levels = FrameLevels.of(this);
        }
        return levels;
    }
}
