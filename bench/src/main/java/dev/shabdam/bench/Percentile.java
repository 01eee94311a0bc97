package dev.shabdam.bench;

import java.util.Arrays;

/** Nearest-rank percentiles: every bench's p50 / p95 / p99 is one of the measured values. */
final class Percentile {
    private Percentile() {}

    /** The {@code p}th percentile (nearest rank) of {@code values}; NaN for none. */
    static double of(double[] values, int p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }
}
