package dev.shabdam.pipeline.synthesis.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * ITU-R BS.1770-4 integrated loudness of a mono signal: K-weighting (high shelf + high pass,
 * coefficients derived for any sample rate as in libebur128, so 22050 Hz engines need no
 * resampling), 400 ms blocks with 75 % overlap, absolute gate −70 LUFS, relative gate −10 LU.
 */
public final class Bs1770LoudnessMeter implements LoudnessMeter {

    @Override
    public double integratedLufs(float[] mono, int sampleRate) {
        double[] weighted = kWeight(mono, sampleRate);
        int block = (int) Math.round(0.4 * sampleRate);
        int step = block / 4;
        List<Double> blockPower = new ArrayList<>();
        for (int start = 0; start + block <= weighted.length; start += step) {
            double sum = 0;
            for (int i = start; i < start + block; i++) {
                sum += weighted[i] * weighted[i];
            }
            blockPower.add(sum / block);
        }
        double absoluteGated = gatedMean(blockPower, power(-70));
        if (Double.isNaN(absoluteGated)) {
            return Double.NEGATIVE_INFINITY;
        }
        double relativeGate = absoluteGated * Math.pow(10, -10 / 10.0);
        double gated = gatedMean(blockPower, Math.max(power(-70), relativeGate));
        return Double.isNaN(gated) ? Double.NEGATIVE_INFINITY : lufs(gated);
    }

    private static double lufs(double power) {
        return -0.691 + 10 * Math.log10(power);
    }

    private static double power(double lufs) {
        return Math.pow(10, (lufs + 0.691) / 10);
    }

    private static double gatedMean(List<Double> blocks, double threshold) {
        return blocks.stream().filter(p -> p > threshold).mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    static double[] kWeight(float[] x, int rate) {
        // Stage 1: high shelf (+4 dB above ~1.7 kHz), the head's acoustic effect.
        double f0 = 1681.974450955533;
        double gain = 3.999843853973347;
        double q = 0.7071752369554196;
        double k = Math.tan(Math.PI * f0 / rate);
        double vh = Math.pow(10, gain / 20);
        double vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1 + k / q + k * k;
        double[] shelfB = {(vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0};
        double[] shelfA = {2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0};
        // Stage 2: RLB high pass at ~38 Hz.
        f0 = 38.13547087602444;
        q = 0.5003270373238773;
        k = Math.tan(Math.PI * f0 / rate);
        double d = 1 + k / q + k * k;
        double[] passB = {1, -2, 1};
        double[] passA = {2 * (k * k - 1) / d, (1 - k / q + k * k) / d};
        return biquad(biquad(toDouble(x), shelfB, shelfA), passB, passA);
    }

    private static double[] toDouble(float[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i];
        }
        return out;
    }

    /** Direct form I; {@code a} omits the leading 1. */
    private static double[] biquad(double[] x, double[] b, double[] a) {
        double[] y = new double[x.length];
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double out = b[0] * x[i] + b[1] * x1 + b[2] * x2 - a[0] * y1 - a[1] * y2;
            x2 = x1;
            x1 = x[i];
            y2 = y1;
            y1 = out;
            y[i] = out;
        }
        return y;
    }
}
