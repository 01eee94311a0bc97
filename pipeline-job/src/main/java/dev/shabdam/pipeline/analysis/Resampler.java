package dev.shabdam.pipeline.analysis;

/**
 * Band-limited sample-rate conversion by any ratio: each output sample is a Kaiser-windowed sinc
 * interpolation of the input, its cut-off at the lower of the two Nyquist frequencies so that
 * downsampling does not alias. The kernel is tabulated at {@value #PHASES} sub-sample offsets and
 * the nearest one used (timing error ≤ 1/512 of an input sample), which keeps it to one multiply-add
 * per tap. Quality is meant for speech features (≈ 60 dB stop band), not for mastering.
 */
public final class Resampler {
    private static final int ZERO_CROSSINGS = 8;
    private static final double KAISER_BETA = 6.0;
    private static final int PHASES = 256;
    /** Cut-off a little under Nyquist, so the transition band ends near it rather than starting there. */
    private static final double CUTOFF = 0.92;

    private Resampler() {
    }

    public static float[] resample(float[] x, int fromRate, int toRate) {
        if (fromRate == toRate) {
            return x;
        }
        double step = fromRate / (double) toRate;            // input samples per output sample
        double cutoff = CUTOFF * Math.min(1.0, toRate / (double) fromRate);
        int half = (int) Math.ceil(ZERO_CROSSINGS / cutoff);  // taps each side, in input samples
        int taps = 2 * half;
        float[][] table = kernelTable(cutoff, half, taps);
        int n = (int) ((long) x.length * toRate / fromRate);
        float[] y = new float[n];
        for (int o = 0; o < n; o++) {
            double t = o * step;
            int base = (int) t;
            int phase = (int) Math.round((t - base) * PHASES);
            if (phase == PHASES) {
                phase = 0;
                base++;
            }
            float[] kernel = table[phase];
            int first = base - half + 1;
            double sum = 0;
            if (first >= 0 && first + taps <= x.length) {
                for (int k = 0; k < taps; k++) {
                    sum += kernel[k] * x[first + k];
                }
            } else {
                for (int k = 0; k < taps; k++) {
                    int j = first + k;
                    if (j >= 0 && j < x.length) {
                        sum += kernel[k] * x[j];
                    }
                }
            }
            y[o] = (float) sum;
        }
        return y;
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
