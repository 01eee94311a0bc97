package dev.shabdam.pipeline.synthesis.audio;

/**
 * Pitch-shift: changes pitch by an exact number of semitones and keeps the duration (unlike a
 * {@link TimeStretch}, which changes duration and keeps pitch): resample by r = 2^(s/12) (which
 * scales pitch and duration by r and 1/r), then time-stretch back to the original length, which
 * keeps the (new) pitch. espeak's own pitch parameter is on an arbitrary 0–100 scale; this gives the
 * API's semitones exactly for every engine.
 */
public final class PitchShifter {

    private PitchShifter() {}

    public static Audio shift(Audio audio, double semitones) {
        if (Math.abs(semitones) < 1e-3 || audio.samples().length == 0) {
            return audio;
        }
        double ratio = Math.pow(2, semitones / 12);
        float[] resampled = resample(audio.samples(), ratio);
        return new Audio(
                TimeStretch.toLength(resampled, audio.samples().length, audio.sampleRate()), audio.sampleRate());
    }

    /** Reads the input at a step of {@code ratio} samples (linear interpolation). */
    static float[] resample(float[] x, double ratio) {
        int n = (int) Math.floor((x.length - 1) / ratio) + 1;
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double pos = i * ratio;
            int k = (int) pos;
            double frac = pos - k;
            float next = k + 1 < x.length ? x[k + 1] : x[k];
            y[i] = (float) (x[k] + frac * (next - x[k]));
        }
        return y;
    }
}
