package dev.shabdam.pipeline.analysis.dsp;

/** A centred moving average that shortens its window at the ends instead of padding. */
public final class MovingAverage {
    private MovingAverage() {}

    /** Each value the mean of itself and up to {@code reach} neighbours either side. */
    public static double[] of(double[] x, int reach) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double sum = 0;
            int n = 0;
            for (int k = Math.max(0, i - reach); k <= Math.min(x.length - 1, i + reach); k++) {
                sum += x[k];
                n++;
            }
            y[i] = sum / n;
        }
        return y;
    }
}
