package dev.shabdam.pipeline.synthesis.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * YIN fundamental-frequency estimator (de Cheveigné and Kawahara, 2002): difference
 * function, cumulative-mean normalisation, absolute threshold, parabolic refinement.
 * Used to verify that a pitch request lands where it should.
 */
public final class F0Estimator {

    private static final double MIN_HZ = 60;
    private static final double MAX_HZ = 500;
    private static final double THRESHOLD = 0.15;
    private static final double SILENCE_RMS = 0.01; // about −40 dBFS

    private F0Estimator() {
    }

    /** F0 of each voiced 40 ms frame (10 ms hop), in Hz. */
    public static List<Double> track(Audio audio) {
        float[] x = audio.samples();
        int rate = audio.sampleRate();
        int tauMax = (int) (rate / MIN_HZ);
        int tauMin = (int) (rate / MAX_HZ);
        int window = (int) (0.040 * rate);
        int hop = (int) (0.010 * rate);
        double[] d = new double[tauMax + 1];
        List<Double> f0 = new ArrayList<>();
        for (int start = 0; start + window + tauMax < x.length; start += hop) {
            if (rms(x, start, window) < SILENCE_RMS) {
                continue;
            }
            for (int tau = 1; tau <= tauMax; tau++) {
                double sum = 0;
                for (int i = start; i < start + window; i++) {
                    double diff = x[i] - x[i + tau];
                    sum += diff * diff;
                }
                d[tau] = sum;
            }
            double runningSum = 0;
            double[] cmnd = new double[tauMax + 1];
            cmnd[0] = 1;
            for (int tau = 1; tau <= tauMax; tau++) {
                runningSum += d[tau];
                cmnd[tau] = runningSum == 0 ? 1 : d[tau] * tau / runningSum;
            }
            for (int tau = tauMin; tau < tauMax; tau++) {
                if (cmnd[tau] < THRESHOLD) {
                    while (tau + 1 < tauMax && cmnd[tau + 1] < cmnd[tau]) {
                        tau++;
                    }
                    f0.add(rate / refine(cmnd, tau));
                    break;
                }
            }
        }
        return f0;
    }

    /** Median F0 of the voiced frames, or NaN when nothing is voiced. */
    public static double medianHz(Audio audio) {
        List<Double> f0 = new ArrayList<>(track(audio));
        if (f0.isEmpty()) {
            return Double.NaN;
        }
        f0.sort(null);
        return f0.get(f0.size() / 2);
    }

    private static double refine(double[] c, int tau) {
        double a = c[tau - 1];
        double b = c[tau];
        double e = c[tau + 1];
        double denominator = a - 2 * b + e;
        return denominator == 0 ? tau : tau + 0.5 * (a - e) / denominator;
    }

    private static double rms(float[] x, int start, int length) {
        double sum = 0;
        for (int i = start; i < start + length; i++) {
            sum += x[i] * x[i];
        }
        return Math.sqrt(sum / length);
    }
}
