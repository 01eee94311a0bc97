package dev.shabdam.pipeline.analysis.loudness;

/**
 * The K-weighting of ITU-R BS.1770-4: a high-shelf ("head" effect, +4 dB above ~1.7 kHz) followed by
 * a second-order high-pass (RLB, ~38 Hz). The recommendation tabulates coefficients for 48 kHz only;
 * these come from the analogue prototypes through the bilinear transform, so any rate gets its own
 * (at 48 kHz they match the table to ~1e-9). Prototype constants as in libebur128.
 *
 * <p>One instance filters one channel: it keeps that channel's state between calls.
 */
final class KWeightingFilter {
    private static final double SHELF_HZ = 1681.974450955533;
    private static final double SHELF_GAIN_DB = 3.999843853973347;
    private static final double SHELF_Q = 0.7071752369554196;
    private static final double SHELF_BAND_EXPONENT = 0.4996667741545416;
    private static final double HIGHPASS_HZ = 38.13547087602444;
    private static final double HIGHPASS_Q = 0.5003270373238773;

    // shelf: b0 b1 b2 / a1 a2; high-pass: numerator is 1, −2, 1
    private final double b0, b1, b2, a1, a2;
    private final double h1, h2;
    // transposed direct form II state of each stage, and the current sub-block's sum of squares
    private double s1, s2, t1, t2;
    private double sum;

    KWeightingFilter(int sampleRate) {
        double k = Math.tan(Math.PI * SHELF_HZ / sampleRate);
        double vh = Math.pow(10.0, SHELF_GAIN_DB / 20.0);
        double vb = Math.pow(vh, SHELF_BAND_EXPONENT);
        double a0 = 1.0 + k / SHELF_Q + k * k;
        b0 = (vh + vb * k / SHELF_Q + k * k) / a0;
        b1 = 2.0 * (k * k - vh) / a0;
        b2 = (vh - vb * k / SHELF_Q + k * k) / a0;
        a1 = 2.0 * (k * k - 1.0) / a0;
        a2 = (1.0 - k / SHELF_Q + k * k) / a0;

        double kh = Math.tan(Math.PI * HIGHPASS_HZ / sampleRate);
        double ah0 = 1.0 + kh / HIGHPASS_Q + kh * kh;
        h1 = 2.0 * (kh * kh - 1.0) / ah0;
        h2 = (1.0 - kh / HIGHPASS_Q + kh * kh) / ah0;
    }

    /**
     * Filters {@code x[from..to)} and adds the squares of the K-weighted samples to the running sum of
     * the current sub-block; a sub-block may arrive in several pieces (the blocks of a long file).
     */
    void filter(float[] x, int from, int to) {
        // locals, not fields, in the loop: the JIT keeps them in registers
        double s1 = this.s1, s2 = this.s2, t1 = this.t1, t2 = this.t2;
        double b0 = this.b0, b1 = this.b1, b2 = this.b2, a1 = this.a1, a2 = this.a2, h1 = this.h1, h2 = this.h2;
        double sum = this.sum;
        for (int i = from; i < to; i++) {
            double in = x[i];
            double shelf = b0 * in + s1;
            s1 = b1 * in - a1 * shelf + s2;
            s2 = b2 * in - a2 * shelf;
            double out = shelf + t1;
            t1 = -2.0 * shelf - h1 * out + t2;
            t2 = shelf - h2 * out;
            sum += out * out;
        }
        this.s1 = s1;
        this.s2 = s2;
        this.t1 = t1;
        this.t2 = t2;
        this.sum = sum;
    }

    /**
     * Ends the sub-block: answers the sum of squares filtered since the last call and starts a new
     * sum. Only here, at sub-block edges, is tiny state flushed, so how a file was cut into blocks
     * changes no bit of the result.
     */
    double takeSumOfSquares() {
        double taken = sum;
        sum = 0;
        // a decaying state would crawl through subnormal numbers (slow on x86) during digital silence
        s1 = flushTiny(s1);
        s2 = flushTiny(s2);
        t1 = flushTiny(t1);
        t2 = flushTiny(t2);
        return taken;
    }

    private static double flushTiny(double v) {
        return Math.abs(v) < 1e-30 ? 0.0 : v;
    }
}
