package dev.shabdam.pipeline.synthesis.audio;

/**
 * True peak (BS.1770 Annex 2): the sample peak after 4× oversampling, which catches
 * inter-sample overs that a plain sample peak misses. Windowed-sinc interpolation, 12 taps a phase.
 */
public final class TruePeak {

    private static final int OVERSAMPLE = 4;
    private static final int HALF_TAPS = 6;
    private static final double[][] PHASES = phases();

    private TruePeak() {
    }

    public static double dbtp(float[] x) {
        double peak = 0;
        for (int i = 0; i < x.length; i++) {
            peak = Math.max(peak, Math.abs(x[i]));
            for (int phase = 1; phase < OVERSAMPLE; phase++) {
                double sum = 0;
                double[] taps = PHASES[phase];
                for (int t = 0; t < taps.length; t++) {
                    int j = i - HALF_TAPS + 1 + t;
                    if (j >= 0 && j < x.length) {
                        sum += taps[t] * x[j];
                    }
                }
                peak = Math.max(peak, Math.abs(sum));
            }
        }
        return 20 * Math.log10(peak);
    }

    /** Taps for the point {@code phase/OVERSAMPLE} after sample i, from samples i-5 .. i+6. */
    private static double[][] phases() {
        double[][] phases = new double[OVERSAMPLE][2 * HALF_TAPS];
        for (int phase = 0; phase < OVERSAMPLE; phase++) {
            double frac = phase / (double) OVERSAMPLE;
            for (int t = 0; t < 2 * HALF_TAPS; t++) {
                double distance = t - (HALF_TAPS - 1) - frac;
                double sinc = distance == 0 ? 1 : Math.sin(Math.PI * distance) / (Math.PI * distance);
                double hann = 0.5 + 0.5 * Math.cos(Math.PI * distance / HALF_TAPS);
                phases[phase][t] = sinc * hann;
            }
        }
        return phases;
    }
}
