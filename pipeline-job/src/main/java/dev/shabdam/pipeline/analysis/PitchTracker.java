package dev.shabdam.pipeline.analysis;

/**
 * F0 by YIN (de Cheveigné & Kawahara 2002) on the 16 kHz track, one estimate per 10 ms frame.
 *
 * <p>Per frame: the difference function d(τ) over a {@value #WINDOW_HOPS}-hop window for
 * lags up to the period of {@value #MIN_HZ} Hz, its cumulative-mean normalisation d'(τ), the first
 * lag in the {@value #MIN_HZ}–{@value #MAX_HZ} Hz range where d' dips under {@value #DIP_THRESHOLD}
 * (followed down to its local minimum), or failing that the global minimum of d' (as in the paper),
 * refined by parabolic interpolation of d. The frame is voiced when d' there is under
 * {@value #VOICING_THRESHOLD}: real, reverberant speech rarely dips as deep as a clean synthetic
 * vowel, while white noise stays near 1 (its minimum over the lag range ≈ 0.7). Frames quieter than
 * {@value #SILENCE_DB} dBFS are unvoiced; voiced runs shorter than {@value #MIN_VOICED_FRAMES}
 * frames are dropped as flukes.
 *
 * <p>d(τ) is computed as E(t) + E(t+τ) − 2·r(τ), the energies from running sums. The window is
 * {@value #WINDOW_HOPS} hops (30 ms, two periods of 60 Hz), so r(τ) of a frame is the sum of the
 * lag products of three 10 ms blocks, and each block's products serve three consecutive frames:
 * a frame costs one hop's worth of multiply-adds per lag instead of a whole window's.
 */
public final class PitchTracker {
    public static final double MIN_HZ = 60.0;
    public static final double MAX_HZ = 500.0;
    static final double DIP_THRESHOLD = 0.15;
    static final double VOICING_THRESHOLD = 0.35;
    static final double SILENCE_DB = -60.0;
    static final int MIN_VOICED_FRAMES = 3;
    private static final int MIN_LAG = (int) Math.floor(SpeechSignal.RATE / MAX_HZ);
    private static final int MAX_LAG = (int) Math.ceil(SpeechSignal.RATE / MIN_HZ);
    /** Three blocks per window: {@link #differenceFunction} adds exactly three. */
    static final int WINDOW_HOPS = 3;
    private static final int WINDOW = WINDOW_HOPS * SpeechSignal.HOP;

    public PitchTrack track(SpeechSignal signal) {
        float[] x = signal.samples();
        double[] cumulativeEnergy = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            cumulativeEnergy[i + 1] = cumulativeEnergy[i] + x[i] * (double) x[i];
        }
        int frames = signal.frameCount();
        double[] f0 = new double[frames];
        double[] correlation = new double[frames];
        double[] d = new double[MAX_LAG + 2];
        double[] normalised = new double[MAX_LAG + 2];
        BlockProducts blocks = new BlockProducts(x);
        double[] power = signal.levels().powerDb();
        for (int f = 0; f < frames; f++) {
            int start = f * SpeechSignal.HOP;
            if (power[f] < SILENCE_DB || start + WINDOW + MAX_LAG + 1 > x.length) {
                continue;
            }
            differenceFunction(blocks, cumulativeEnergy, f, d);
            int lag = periodLag(d, normalised);
            if (lag < 0) {
                continue;
            }
            double shift = parabolicShift(d[lag - 1], d[lag], d[lag + 1]);
            double hz = SpeechSignal.RATE / (lag + shift);
            if (hz >= MIN_HZ && hz <= MAX_HZ) {
                f0[f] = hz;
                // the parabola's vertex: d at the fractional period, not at the nearest whole lag
                double dAtPeriod = d[lag] - 0.25 * (d[lag - 1] - d[lag + 1]) * shift;
                correlation[f] = correlationAt(cumulativeEnergy, start, lag, dAtPeriod);
            }
        }
        dropShortRuns(f0, correlation);
        return new PitchTrack(f0, correlation);
    }

    private static void differenceFunction(BlockProducts blocks, double[] cumulativeEnergy, int frame, double[] d) {
        int start = frame * SpeechSignal.HOP;
        double e0 = cumulativeEnergy[start + WINDOW] - cumulativeEnergy[start];
        double[] first = blocks.products(frame), second = blocks.products(frame + 1), third = blocks.products(frame + 2);
        for (int lag = 1; lag <= MAX_LAG + 1; lag++) {
            double eLag = cumulativeEnergy[start + lag + WINDOW] - cumulativeEnergy[start + lag];
            d[lag] = Math.max(0, e0 + eLag - 2 * (first[lag] + second[lag] + third[lag]));
        }
    }

    /**
     * Lag products Σ x[j]·x[j+τ] over one hop-long block, for τ = 1..MAX_LAG+1, computed on first
     * use and kept for the {@value #WINDOW_HOPS} frames that share the block.
     */
    private static final class BlockProducts {
        private final float[] x;
        private final double[][] ring = new double[WINDOW_HOPS][MAX_LAG + 2];
        private final int[] blockInSlot = {-1, -1, -1};

        BlockProducts(float[] x) {
            this.x = x;
        }

        double[] products(int block) {
            int slot = block % WINDOW_HOPS;
            if (blockInSlot[slot] != block) {
                double[] p = ring[slot];
                int start = block * SpeechSignal.HOP;
                for (int lag = 1; lag <= MAX_LAG + 1; lag++) {
                    p[lag] = dot(x, start, start + lag, SpeechSignal.HOP);
                }
                blockInSlot[slot] = block;
            }
            return ring[slot];
        }
    }

    /** Four partial sums: independent chains the CPU can run in parallel. */
    private static double dot(float[] x, int a, int b, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[a + i] * x[b + i];
            s1 += x[a + i + 1] * x[b + i + 1];
            s2 += x[a + i + 2] * x[b + i + 2];
            s3 += x[a + i + 3] * x[b + i + 3];
        }
        for (; i < n; i++) {
            s0 += x[a + i] * x[b + i];
        }
        return s0 + s1 + s2 + s3;
    }

    /**
     * The period lag: the first in range whose normalised difference dips under the dip threshold, at
     * its local minimum, else the global minimum; −1 when even that is not periodic enough to be voiced.
     */
    private static int periodLag(double[] d, double[] normalised) {
        double running = 0;
        for (int lag = 1; lag <= MAX_LAG + 1; lag++) {
            running += d[lag];
            normalised[lag] = running > 0 ? d[lag] * lag / running : 1.0;
        }
        int best = MIN_LAG;
        for (int lag = MIN_LAG; lag <= MAX_LAG; lag++) {
            if (normalised[lag] < DIP_THRESHOLD) {
                while (lag < MAX_LAG && normalised[lag + 1] < normalised[lag]) {
                    lag++;
                }
                return lag;
            }
            if (normalised[lag] < normalised[best]) {
                best = lag;
            }
        }
        return normalised[best] < VOICING_THRESHOLD ? best : -1;
    }

    /** Offset (−0.5..0.5) of the vertex of the parabola through three equally spaced points. */
    static double parabolicShift(double left, double centre, double right) {
        double curvature = left - 2 * centre + right;
        return curvature <= 0 ? 0 : Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / curvature));
    }

    /** Normalised autocorrelation at the lag, from d = E0 + Eτ − 2r. */
    private static double correlationAt(double[] cumulativeEnergy, int start, int lag, double d) {
        int w = WINDOW;
        double e0 = cumulativeEnergy[start + w] - cumulativeEnergy[start];
        double eLag = cumulativeEnergy[start + lag + w] - cumulativeEnergy[start + lag];
        double denominator = 2 * Math.sqrt(e0 * eLag);
        return denominator > 0 ? Math.max(0, Math.min(1, (e0 + eLag - d) / denominator)) : 0;
    }

    private static void dropShortRuns(double[] f0, double[] correlation) {
        PitchTrack.forEachVoicedRun(f0, (from, to) -> {
            if (to - from < MIN_VOICED_FRAMES) {
                for (int k = from; k < to; k++) {
                    f0[k] = 0;
                    correlation[k] = 0;
                }
            }
        });
    }
}
