package dev.shabdam.pipeline.synthesis.audio;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Pitch-shift: changes pitch by an exact number of semitones and keeps the duration (unlike a
 * {@link TimeStretch}, which changes duration and keeps pitch): resample by r = 2^(s/12) (which
 * scales pitch and duration by r and 1/r), then time-stretch back to the original length, which
 * keeps the (new) pitch. espeak's own pitch parameter is on an arbitrary 0–100 scale; this gives the
 * API's semitones exactly for every engine. The resampling scales the spectral envelope (formants)
 * by r too; the voice matcher, which wants them elsewhere, moves them back itself.
 */
public final class PitchShifter {

    private PitchShifter() {}

    public static Audio shift(Audio audio, double semitones) {
        if (Math.abs(semitones) < 1e-3 || audio.samples().length == 0) {
            return audio;
        }
        double ratio = Math.pow(2, semitones / 12);
        return shift(audio, t -> ratio);
    }

    /**
     * A shift that varies along the audio: {@code ratioAt} gives the pitch ratio at a time (seconds of
     * the input). Changing an intonation's range, not only its height, needs this.
     */
    public static Audio shift(Audio audio, DoubleUnaryOperator ratioAt) {
        if (audio.samples().length == 0) {
            return audio;
        }
        double rate = audio.sampleRate();
        float[] resampled = resample(audio.samples(), position -> ratioAt.applyAsDouble(position / rate));
        return new Audio(
                TimeStretch.toLength(resampled, audio.samples().length, audio.sampleRate()), audio.sampleRate());
    }

    /** Reads the input at a step of {@code ratioAt(position)} samples (linear interpolation). */
    static float[] resample(float[] x, DoubleUnaryOperator ratioAt) {
        float[] y = new float[x.length];
        int n = 0;
        for (double pos = 0; pos <= x.length - 1; pos += ratioAt.applyAsDouble(pos)) {
            if (n == y.length) {
                y = Arrays.copyOf(y, y.length * 2);
            }
            int k = (int) pos;
            double frac = pos - k;
            float next = k + 1 < x.length ? x[k + 1] : x[k];
            y[n++] = (float) (x[k] + frac * (next - x[k]));
        }
        return Arrays.copyOf(y, n);
    }
}
