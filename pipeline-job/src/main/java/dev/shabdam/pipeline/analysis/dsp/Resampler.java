package dev.shabdam.pipeline.analysis.dsp;

import java.util.Arrays;

/**
 * Band-limited sample-rate conversion by any ratio: each output sample is a Kaiser-windowed sinc
 * interpolation of the input, its cut-off at the lower of the two Nyquist frequencies so that
 * downsampling does not alias. The kernel is tabulated at {@value #PHASES} sub-sample offsets and
 * the nearest one used (timing error ≤ 1/512 of an input sample), which keeps it to one multiply-add
 * per tap. Quality is meant for speech features (≈ 60 dB stop band), not for mastering.
 *
 * <p>A {@link Stream} converts a long signal block by block, keeping only the input the next output
 * samples reach back to; its output is the same, sample for sample, as converting the whole at once.
 * Samples before the start and after the end count as zero.
 */
public final class Resampler {
    private static final int ZERO_CROSSINGS = 8;
    private static final double KAISER_BETA = 6.0;
    private static final int PHASES = 256;
    /** Cut-off a little under Nyquist, so the transition band ends near it rather than starting there. */
    private static final double CUTOFF = 0.92;

    private Resampler() {}

    public static float[] resample(float[] x, int fromRate, int toRate) {
        if (fromRate == toRate) {
            return x;
        }
        Stream stream = new Stream(fromRate, toRate);
        return join(stream.add(x, 0, x.length), stream.finish());
    }

    /** {@code head} then {@code tail}: a stream's output for a whole signal. */
    public static float[] join(float[] head, float[] tail) {
        float[] y = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, y, head.length, tail.length);
        return y;
    }

    /** One signal's conversion, fed block by block. */
    public static final class Stream {
        private final int fromRate;
        private final int toRate;
        private final double step; // input samples per output sample
        private final int half; // taps each side, in input samples
        private final int taps;
        private final float[][] table;
        private final SlidingSamples input;
        private long received;
        private long produced;

        public Stream(int fromRate, int toRate) {
            this.fromRate = fromRate;
            this.toRate = toRate;
            this.step = fromRate / (double) toRate;
            double cutoff = CUTOFF * Math.min(1.0, toRate / (double) fromRate);
            this.half = (int) Math.ceil(ZERO_CROSSINGS / cutoff);
            this.taps = 2 * half;
            this.table = kernelTable(cutoff, half, taps);
            this.input = new SlidingSamples(taps);
        }

        /** Takes {@code x[from, to)} in and answers the output samples that are complete now. */
        public float[] add(float[] x, int from, int to) {
            if (fromRate == toRate) {
                return Arrays.copyOfRange(x, from, to);
            }
            append(x, from, to);
            received += to - from;
            // output o reaches input base(o) + 1 + half (its phase may round up to the next sample)
            long ready = (long) Math.floor((received - 2 - half) / step) + 1;
            return emit(Math.max(produced, ready));
        }

        /** The signal ends: the last output samples, computed against zeros after the end. */
        public float[] finish() {
            if (fromRate == toRate) {
                return new float[0];
            }
            append(new float[taps + 1], 0, taps + 1);
            return emit(received * toRate / fromRate);
        }

        private float[] emit(long upTo) {
            float[] y = new float[(int) (upTo - produced)];
            float[] buffer = input.array();
            for (int k = 0; k < y.length; k++) {
                long o = produced + k;
                double t = o * step;
                long base = (long) t;
                int phase = (int) Math.round((t - base) * PHASES);
                if (phase == PHASES) {
                    phase = 0;
                    base++;
                }
                float[] kernel = table[phase];
                int first = input.offset(base - half + 1);
                double sum = 0;
                for (int j = 0; j < taps; j++) {
                    sum += kernel[j] * buffer[first + j];
                }
                y[k] = (float) sum;
            }
            produced = upTo;
            return y;
        }

        /** Appends input, first dropping what no later output reaches back to. */
        private void append(float[] x, int from, int to) {
            input.append(x, from, to, (long) (produced * step) - half - 1);
        }
    }

    /** table[p][k] weighs input sample (base − half + 1 + k) for an output at base + p/PHASES. */
    private static float[][] kernelTable(double cutoff, int half, int taps) {
        float[][] table = new float[PHASES][taps];
        for (int p = 0; p < PHASES; p++) {
            double fraction = p / (double) PHASES;
            for (int k = 0; k < taps; k++) {
                double t = (k - half + 1) - fraction;
                table[p][k] = (float) (cutoff * WindowedSinc.value(cutoff * t, ZERO_CROSSINGS, KAISER_BETA));
            }
        }
        return table;
    }
}
