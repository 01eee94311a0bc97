package dev.shabdam.pipeline.analysis.speaker;

/**
 * Mel-cepstral distortion between two recordings: per aligned frame pair
 * (10 / ln 10)·sqrt(2·Σ (c_d − c'_d)²) over MFCC 1–{@value #COEFFICIENTS} (c0, the level, left out),
 * averaged along a dynamic-time-warping path.
 *
 * <p>The DTW runs in a band of ±{@code radius} frames around the straight line from the first frame
 * pair to the last (Sakoe–Chiba band on the slanted diagonal, so a different overall length costs
 * nothing), with radius = 10 % of the longer recording clamped to {@value #MIN_RADIUS}..{@value #MAX_RADIUS}
 * frames: O(n · band) time and memory instead of O(n·m).
 */
public final class MelCepstralDistortion {
    public static final int COEFFICIENTS = 13;
    static final int MIN_RADIUS = 10;
    static final int MAX_RADIUS = 200;
    private static final double SCALE = 10 / Math.log(10) * Math.sqrt(2);

    /** Mean distortion in dB; frames are MFCC vectors whose index 0 is c0. Null when either side is empty. */
    public static Double distortionDb(double[][] a, double[][] b) {
        int n = a.length, m = b.length;
        if (n == 0 || m == 0) {
            return null;
        }
        int radius = Math.max(MIN_RADIUS, Math.min(MAX_RADIUS, Math.max(n, m) / 10));
        int width = 2 * radius + 1;
        // cost[i][w] and steps[i][w] for j = centre(i) − radius + w
        double[][] cost = new double[n][width];
        int[][] steps = new int[n][width];
        for (int i = 0; i < n; i++) {
            int first = centre(i, n, m) - radius;
            for (int w = 0; w < width; w++) {
                int j = first + w;
                cost[i][w] = Double.POSITIVE_INFINITY;
                if (j < 0 || j >= m) {
                    continue;
                }
                double d = frameDistortion(a[i], b[j]);
                if (i == 0 && j == 0) {
                    cost[i][w] = d;
                    steps[i][w] = 1;
                    continue;
                }
                // predecessors (i−1, j−1), (i−1, j), (i, j−1), each looked up in its own row's band
                double best = Double.POSITIVE_INFINITY;
                int bestSteps = 0;
                for (int k = 0; k < 3; k++) {
                    int pi = k == 2 ? i : i - 1;
                    int pj = k == 1 ? j : j - 1;
                    int pw = bandIndex(pi, pj, n, m, radius);
                    if (pw >= 0 && cost[pi][pw] < best) {
                        best = cost[pi][pw];
                        bestSteps = steps[pi][pw];
                    }
                }
                if (best < Double.POSITIVE_INFINITY) {
                    cost[i][w] = best + d;
                    steps[i][w] = bestSteps + 1;
                }
            }
        }
        int w = m - 1 - (centre(n - 1, n, m) - radius);
        return cost[n - 1][w] / steps[n - 1][w];
    }

    private static int centre(int i, int n, int m) {
        return n == 1 ? 0 : (int) Math.round(i * (m - 1) / (double) (n - 1));
    }

    private static int bandIndex(int i, int j, int n, int m, int radius) {
        if (i < 0 || j < 0) {
            return -1;
        }
        int w = j - (centre(i, n, m) - radius);
        return w >= 0 && w <= 2 * radius ? w : -1;
    }

    static double frameDistortion(double[] x, double[] y) {
        double sum = 0;
        for (int d = 1; d <= COEFFICIENTS; d++) {
            double diff = x[d] - y[d];
            sum += diff * diff;
        }
        return SCALE * Math.sqrt(sum);
    }
}
