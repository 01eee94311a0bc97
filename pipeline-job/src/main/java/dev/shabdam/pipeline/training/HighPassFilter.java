package dev.shabdam.pipeline.training;

/**
 * A second-order Butterworth high-pass (RBJ biquad) at {@value #CUTOFF_HZ} Hz: takes away DC offset,
 * handling rumble and mains hum's fundamental, all below the lowest voice the pitch tracker follows
 * (60 Hz sits at −3 dB, the voice's harmonics above it pass), so that neither loudness nor the
 * long-term spectrum of a sample measures the room instead of the speaker.
 */
final class HighPassFilter {
    static final double CUTOFF_HZ = 60;

    private HighPassFilter() {}

    static float[] apply(float[] x, int sampleRate) {
        double w = 2 * Math.PI * CUTOFF_HZ / sampleRate;
        double alpha = Math.sin(w) / (2 * Math.sqrt(0.5));
        double cos = Math.cos(w);
        double a0 = 1 + alpha;
        double b0 = (1 + cos) / 2 / a0, b1 = -(1 + cos) / a0, b2 = (1 + cos) / 2 / a0;
        double a1 = -2 * cos / a0, a2 = (1 - alpha) / a0;
        float[] y = new float[x.length];
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double out = b0 * x[i] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x[i];
            y2 = y1;
            y1 = out;
            y[i] = (float) out;
        }
        return y;
    }
}
