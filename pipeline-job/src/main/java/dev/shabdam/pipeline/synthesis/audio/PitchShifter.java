package dev.shabdam.pipeline.synthesis.audio;

/**
 * Shifts pitch by an exact number of semitones without changing duration: resample by
 * r = 2^(s/12) (which scales pitch and duration by r and 1/r), then time-stretch back to the
 * original length with WSOLA, which keeps the (new) pitch because it copies whole waveform
 * stretches aligned by cross-correlation. espeak's own pitch parameter is on an arbitrary
 * 0–100 scale; this gives the API's semitones exactly for every engine.
 */
public final class PitchShifter {

    private static final double FRAME_SECONDS = 0.040;
    private static final double SEARCH_SECONDS = 0.012;

    private PitchShifter() {
    }

    public static Audio shift(Audio audio, double semitones) {
        if (Math.abs(semitones) < 1e-3 || audio.samples().length == 0) {
            return audio;
        }
        double ratio = Math.pow(2, semitones / 12);
        float[] resampled = resample(audio.samples(), ratio);
        return new Audio(stretch(resampled, audio.samples().length, audio.sampleRate()), audio.sampleRate());
    }

    /** Changes duration by 1/{@code rate} keeping the pitch (for engines without a speed control). */
    public static Audio timeStretch(Audio audio, double rate) {
        if (Math.abs(rate - 1) < 1e-3 || audio.samples().length == 0) {
            return audio;
        }
        int length = (int) Math.round(audio.samples().length / rate);
        return new Audio(stretch(audio.samples(), length, audio.sampleRate()), audio.sampleRate());
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

    /** WSOLA: overlap-add Hann frames at a fixed output hop, choosing each input frame near its nominal position. */
    static float[] stretch(float[] x, int outLength, int sampleRate) {
        int frame = Math.max(64, (int) (FRAME_SECONDS * sampleRate)) & ~1;
        int hop = frame / 2;
        int search = (int) (SEARCH_SECONDS * sampleRate);
        double inputStep = hop * (x.length / (double) outLength);
        float[] window = new float[frame];
        for (int i = 0; i < frame; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / frame));
        }
        float[] out = new float[outLength + frame];
        int previous = 0;
        for (int k = 0; k * hop < outLength; k++) {
            int nominal = (int) Math.round(k * inputStep);
            int chosen = k == 0 ? 0 : bestOffset(x, previous + hop, nominal, search, frame);
            for (int i = 0; i < frame; i++) {
                int src = chosen + i;
                if (src >= 0 && src < x.length) {
                    out[k * hop + i] += window[i] * x[src];
                }
            }
            previous = chosen;
        }
        float[] trimmed = new float[outLength];
        System.arraycopy(out, 0, trimmed, 0, outLength);
        return trimmed;
    }

    /** The start near {@code nominal} whose frame best continues the natural continuation at {@code natural}. */
    private static int bestOffset(float[] x, int natural, int nominal, int search, int frame) {
        int best = nominal;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int candidate = nominal - search; candidate <= nominal + search; candidate++) {
            double score = 0;
            for (int i = 0; i < frame; i += 2) { // every other sample: plenty for speech, twice as fast
                score += sample(x, natural + i) * sample(x, candidate + i);
            }
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    private static float sample(float[] x, int i) {
        return i >= 0 && i < x.length ? x[i] : 0f;
    }
}
