package dev.shabdam.pipeline.training;

import dev.shabdam.pipeline.analysis.speech.SpeechSignal;

/** Speech whose pitch and formants are known by construction, at the 16 kHz analysis rate. */
public final class SyntheticVowel {
    private static final int RATE = SpeechSignal.RATE;

    private SyntheticVowel() {}

    /**
     * A vowel by source and filter: a pulse train at {@code f0} through three two-pole resonators at
     * {@code formants} (100 Hz bandwidth), what LPC models exactly.
     */
    public static float[] of(double f0, double[] formants, double seconds) {
        int n = (int) (seconds * RATE);
        double[] x = new double[n];
        int period = (int) Math.round(RATE / f0);
        for (int i = 0; i < n; i += period) {
            x[i] = 1;
        }
        for (double formant : formants) {
            double r = Math.exp(-Math.PI * 100 / RATE);
            double a1 = 2 * r * Math.cos(2 * Math.PI * formant / RATE), a2 = -r * r;
            double y1 = 0, y2 = 0;
            for (int i = 0; i < n; i++) {
                double y = x[i] + a1 * y1 + a2 * y2;
                y2 = y1;
                y1 = y;
                x[i] = y;
            }
        }
        double peak = 0;
        for (double v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (0.5 * x[i] / peak);
        }
        return out;
    }
}
