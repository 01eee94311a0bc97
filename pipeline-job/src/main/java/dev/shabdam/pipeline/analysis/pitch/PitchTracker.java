package dev.shabdam.pipeline.analysis.pitch;

import dev.shabdam.pipeline.analysis.speech.SpeechFrames;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;

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
 * <p>d(τ) is computed as E(t) + E(t+τ) − 2·r(τ), the energy E(t+τ) of each lag's window slid along
 * from the one before. The window is {@value #WINDOW_HOPS} hops (30 ms, two periods of 60 Hz), so
 * r(τ) of a frame is the sum of the lag products of three 10 ms blocks, and each block's products
 * serve three consecutive frames: a frame costs one hop's worth of multiply-adds per lag instead of a
 * whole window's. A frame reads {@value #SPAN} samples from its start, so {@link SpeechFrames} can run
 * it on a long track block by block.
 */
public final class PitchTracker {
    public static final double MIN_HZ = 60.0;
    public static final double MAX_HZ = 500.0;
    static final double DIP_THRESHOLD = 0.15;
    static final double VOICING_THRESHOLD = 0.35;
    public static final double SILENCE_DB = -60.0;
    static final int MIN_VOICED_FRAMES = 3;
    private static final int MIN_LAG = (int) Math.floor(SpeechSignal.RATE / MAX_HZ);
    private static final int MAX_LAG = (int) Math.ceil(SpeechSignal.RATE / MIN_HZ);
    /** Three blocks per window: {@link Estimator#differenceFunction} adds exactly three. */
    static final int WINDOW_HOPS = 3;

    private static final int WINDOW = WINDOW_HOPS * SpeechSignal.HOP;
    /** Samples a frame's estimate reads from the frame's start: frames nearer the end stay unvoiced. */
    public static final int SPAN = WINDOW + MAX_LAG + 1;

    public PitchTrack track(SpeechSignal signal) {
        SpeechFrames frames = new SpeechFrames(this);
        frames.add(signal.samples(), 0, signal.samples().length);
        return frames.pitch();
    }

    /** One track's estimates, frame after frame: it keeps the lag products of the last blocks. */
    public Estimator estimator() {
        return new Estimator();
    }

    public final class Estimator {
        private final BlockProducts blocks = new BlockProducts();
        private final double[] d = new double[MAX_LAG + 2];
        private final double[] normalised = new double[MAX_LAG + 2];
        private final double[] lagEnergy = new double[MAX_LAG + 2];

        private Estimator() {}

        /**
         * Writes F0 and the correlation at the period of frame {@code frame}, which starts at
         * {@code x[start]} (with {@value #SPAN} samples from there on), into slot {@code frame}; leaves
         * the slots at 0 when the frame is not voiced.
         */
        public void estimate(float[] x, int start, int frame, double[] f0, double[] correlation) {
            double e0 = differenceFunction(x, start, frame);
            int lag = periodLag(d, normalised);
            if (lag < 0) {
                return;
            }
            double shift = parabolicShift(d[lag - 1], d[lag], d[lag + 1]);
            double hz = SpeechSignal.RATE / (lag + shift);
            if (hz >= MIN_HZ && hz <= MAX_HZ) {
                f0[frame] = hz;
                // the parabola's vertex: d at the fractional period, not at the nearest whole lag
                double dAtPeriod = d[lag] - 0.25 * (d[lag - 1] - d[lag + 1]) * shift;
                correlation[frame] = correlationAt(e0, lagEnergy[lag], dAtPeriod);
            }
        }

        /** Fills {@link #d} and {@link #lagEnergy}; answers the energy of the frame's own window. */
        private double differenceFunction(float[] x, int start, int frame) {
            double e0 = 0;
            for (int i = start; i < start + WINDOW; i++) {
                e0 += x[i] * (double) x[i];
            }
            double[] first = blocks.products(x, start, frame);
            double[] second = blocks.products(x, start + SpeechSignal.HOP, frame + 1);
            double[] third = blocks.products(x, start + 2 * SpeechSignal.HOP, frame + 2);
            double eLag = e0;
            for (int lag = 1; lag <= MAX_LAG + 1; lag++) {
                double leaving = x[start + lag - 1];
                double entering = x[start + lag - 1 + WINDOW];
                eLag += entering * entering - leaving * leaving;
                lagEnergy[lag] = eLag;
                d[lag] = Math.max(0, e0 + eLag - 2 * (first[lag] + second[lag] + third[lag]));
            }
            return e0;
        }
    }

    /**
     * Lag products Σ x[j]·x[j+τ] over one hop-long block, for τ = 1..MAX_LAG+1, computed on first
     * use and kept for the {@value #WINDOW_HOPS} frames that share the block.
     */
    private static final class BlockProducts {
        private final double[][] ring = new double[WINDOW_HOPS][MAX_LAG + 2];
        private final int[] blockInSlot = {-1, -1, -1};

        /** The products of block {@code block}, which starts at {@code x[start]}. */
        double[] products(float[] x, int start, int block) {
            int slot = block % WINDOW_HOPS;
            if (blockInSlot[slot] != block) {
                double[] p = ring[slot];
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
    public static double parabolicShift(double left, double centre, double right) {
        double curvature = left - 2 * centre + right;
        return curvature <= 0 ? 0 : Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / curvature));
    }

    /** Normalised autocorrelation at the lag, from d = E0 + Eτ − 2r. */
    private static double correlationAt(double e0, double eLag, double d) {
        double denominator = 2 * Math.sqrt(e0 * eLag);
        return denominator > 0 ? Math.max(0, Math.min(1, (e0 + eLag - d) / denominator)) : 0;
    }

    /** Unvoices the voiced runs shorter than {@value #MIN_VOICED_FRAMES} frames: flukes, not speech. */
    public static void dropShortRuns(double[] f0, double[] correlation) {
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
