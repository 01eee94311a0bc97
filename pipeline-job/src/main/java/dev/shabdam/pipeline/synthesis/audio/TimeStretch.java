package dev.shabdam.pipeline.synthesis.audio;

/**
 * Time-stretch: changes duration and keeps the pitch (unlike a pitch-shift, {@link PitchShifter},
 * which changes pitch and keeps duration). WSOLA: Hann frames are overlap-added at a fixed output
 * hop, each read from near its nominal input position where it best continues the frame before by
 * cross-correlation, so whole waveform periods are copied and the pitch stays as it was.
 */
public final class TimeStretch {

    private static final double FRAME_SECONDS = 0.040;
    private static final double SEARCH_SECONDS = 0.012;

    private TimeStretch() {}

    /**
     * Changes duration by 1/{@code rate} keeping the pitch: 1.1 makes it 10 % shorter (engines
     * without a speed control, a dubbed line fitted to its slot).
     */
    public static Audio byRate(Audio audio, double rate) {
        if (Math.abs(rate - 1) < 1e-3 || audio.samples().length == 0) {
            return audio;
        }
        int length = (int) Math.round(audio.samples().length / rate);
        return new Audio(toLength(audio.samples(), length, audio.sampleRate()), audio.sampleRate());
    }

    /** {@code x} stretched (or squeezed) to exactly {@code outLength} samples. */
    static float[] toLength(float[] x, int outLength, int sampleRate) {
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
