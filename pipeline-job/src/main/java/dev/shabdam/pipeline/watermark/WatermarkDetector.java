package dev.shabdam.pipeline.watermark;

import dev.shabdam.pipeline.analysis.dsp.Fft;
import dev.shabdam.pipeline.analysis.dsp.Resampler;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Finds a key's mark in decoded audio, at any offset, after lossy coding, resampling and gain:
 * <ol>
 *   <li>to 16 kHz mono, the pattern's rate;</li>
 *   <li>whitened frame by frame (each bin of the short-time spectrum divided by its magnitude): the speech
 *       the mark hides under is loud and coloured, the mark is flat, so whitening makes every bin count
 *       alike and takes out any gain; frames 40 dB under the loud ones (silence, where there is no mark
 *       and only codec noise) are left out;</li>
 *   <li>folded onto one period of the pattern (2.048 s), where the repeats of the mark add up and the
 *       speech does not;</li>
 *   <li>correlated with each sequence at every circular lag at once (FFT): the first sequence's peak
 *       gives the offset, the others' peaks, measured from it, the payload.</li>
 * </ol>
 * Scores are peaks in standard deviations of all lags; the chance that audio without this mark scores
 * {@code z} at some lag is at most {@code PERIOD × Q(z)}.
 */
public final class WatermarkDetector {
    /** The chance score under which a mark is reported: with 32,768 lags that is a score of about 6.4. */
    static final double FALSE_ALARM = 1e-6;
    /** Each half of the payload is read when its peak's chance score is under this (about 5.1). */
    static final double PAYLOAD_FALSE_ALARM = 1e-2;

    private static final int FRAME = 512;
    private static final int HOP = FRAME / 2;
    private static final double SILENT_DB = -40;
    /** Bins far under their frame's mean magnitude are divided by a floor instead, so coded-away bins stay quiet. */
    private static final double FLOOR = 0.05;

    private final float[][] sequenceSpectra;
    private final Fft periodFft = new Fft(WatermarkKey.PERIOD);
    private final Fft frameFft = new Fft(FRAME);

    public WatermarkDetector(WatermarkKey key) {
        float[][] sequences = key.sequences();
        sequenceSpectra = new float[sequences.length * 2][];
        for (int s = 0; s < sequences.length; s++) {
            double[] re = toDouble(sequences[s]);
            double[] im = new double[re.length];
            periodFft.transform(re, im);
            sequenceSpectra[2 * s] = toFloat(re);
            sequenceSpectra[2 * s + 1] = toFloat(im);
        }
    }

    /** Looks for the mark in {@code samples} (mono) at {@code sampleRate}. */
    public WatermarkDetection detect(float[] samples, int sampleRate) {
        float[] folded = fold(whiten(Resampler.resample(samples, sampleRate, WatermarkKey.RATE)));
        double[] foldedRe = toDouble(folded);
        double[] foldedIm = new double[foldedRe.length];
        periodFft.transform(foldedRe, foldedIm);

        double[] sync = correlation(foldedRe, foldedIm, 0);
        int offset = argMax(sync);
        double score = zScore(sync, offset);
        double chance = chance(score);
        boolean watermarked = chance <= FALSE_ALARM;
        return new WatermarkDetection(
                watermarked,
                1 - chance,
                score,
                watermarked ? payload(foldedRe, foldedIm, offset) : OptionalInt.empty());
    }

    /** Both halves of the payload, each the lag of its sequence's peak behind the offset; empty if either is unclear. */
    private OptionalInt payload(double[] foldedRe, double[] foldedIm, int offset) {
        int payload = 0;
        for (int s = 1; s < WatermarkKey.SEQUENCES; s++) {
            double[] c = correlation(foldedRe, foldedIm, s);
            int peak = argMax(c);
            if (chance(zScore(c, peak)) > PAYLOAD_FALSE_ALARM) {
                return OptionalInt.empty();
            }
            payload = (payload << 15) | Math.floorMod(peak - offset, WatermarkKey.PERIOD);
        }
        return OptionalInt.of(payload);
    }

    /** {@code c[τ] = Σ folded[i] · sequence[i − τ]} for every circular lag τ. */
    private double[] correlation(double[] foldedRe, double[] foldedIm, int sequence) {
        float[] re = sequenceSpectra[2 * sequence];
        float[] im = sequenceSpectra[2 * sequence + 1];
        int n = re.length;
        double[] outRe = new double[n];
        double[] outIm = new double[n];
        for (int k = 0; k < n; k++) {
            // folded × conj(sequence)
            outRe[k] = foldedRe[k] * re[k] + foldedIm[k] * im[k];
            outIm[k] = foldedIm[k] * re[k] - foldedRe[k] * im[k];
        }
        Spectra.inverse(periodFft, outRe, outIm);
        return outRe;
    }

    /** The excerpt with every bin of its short-time spectrum brought to unit magnitude (in the mark's band). */
    private float[] whiten(float[] x) {
        int frames = x.length < FRAME ? 0 : (x.length - FRAME) / HOP + 1;
        double[] window = sqrtHann();
        double[] energy = new double[frames];
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < FRAME; i++) {
                double v = x[f * HOP + i] * window[i];
                energy[f] += v * v;
            }
        }
        double loud = percentile(energy, 0.95);
        double quiet = loud * Math.pow(10, SILENT_DB / 10);
        int low = (int) Math.ceil(WatermarkKey.LOW_HZ * FRAME / WatermarkKey.RATE);
        int high = (int) Math.floor(WatermarkKey.HIGH_HZ * FRAME / WatermarkKey.RATE);
        float[] out = new float[x.length];
        double[] re = new double[FRAME];
        double[] im = new double[FRAME];
        for (int f = 0; f < frames; f++) {
            if (energy[f] <= quiet || energy[f] == 0) {
                continue;
            }
            for (int i = 0; i < FRAME; i++) {
                re[i] = x[f * HOP + i] * window[i];
                im[i] = 0;
            }
            frameFft.transform(re, im);
            double mean = 0;
            for (int k = low; k <= high; k++) {
                mean += Math.hypot(re[k], im[k]);
            }
            double floor = FLOOR * mean / (high - low + 1);
            for (int k = 0; k < FRAME; k++) {
                int bin = Math.min(k, FRAME - k);
                double scale = bin < low || bin > high ? 0 : 1 / (Math.hypot(re[k], im[k]) + floor);
                re[k] *= scale;
                im[k] *= scale;
            }
            Spectra.inverse(frameFft, re, im);
            for (int i = 0; i < FRAME; i++) {
                out[f * HOP + i] += (float) (re[i] * window[i]);
            }
        }
        return out;
    }

    private static float[] fold(float[] x) {
        float[] folded = new float[WatermarkKey.PERIOD];
        for (int i = 0; i < x.length; i++) {
            folded[i % WatermarkKey.PERIOD] += x[i];
        }
        return folded;
    }

    /** How far {@code c[at]} stands above the mean of all lags, in their standard deviations. */
    private static double zScore(double[] c, int at) {
        double sum = 0;
        double squares = 0;
        for (double v : c) {
            sum += v;
            squares += v * v;
        }
        double mean = sum / c.length;
        double sd = Math.sqrt(Math.max(0, squares / c.length - mean * mean));
        return sd == 0 ? 0 : (c[at] - mean) / sd;
    }

    /** The chance that one of the period's lags of unmarked audio scores {@code z} or more (union bound). */
    static double chance(double z) {
        return Math.min(1, WatermarkKey.PERIOD * 0.5 * erfc(z / Math.sqrt(2)));
    }

    /** The complementary error function (Numerical Recipes' erfcc; relative error under 1.2e-7). */
    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t
                * Math.exp(
                        -z * z
                                - 1.26551223
                                + t
                                        * (1.00002368
                                                + t
                                                        * (0.37409196
                                                                + t
                                                                        * (0.09678418
                                                                                + t
                                                                                        * (-0.18628806
                                                                                                + t
                                                                                                        * (0.27886807
                                                                                                                + t
                                                                                                                        * (-1.13520398
                                                                                                                                + t
                                                                                                                                        * (1.48851587
                                                                                                                                                + t
                                                                                                                                                        * (-0.82215223
                                                                                                                                                                + t
                                                                                                                                                                        * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    private static int argMax(double[] c) {
        int best = 0;
        for (int i = 1; i < c.length; i++) {
            if (c[i] > c[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double percentile(double[] values, double q) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    /** The square root of a periodic Hann window: applied before and after, with half-frame hops, it adds up to one. */
    private static double[] sqrtHann() {
        double[] w = new double[FRAME];
        for (int i = 0; i < FRAME; i++) {
            w[i] = Math.sqrt(0.5 - 0.5 * Math.cos(2 * Math.PI * i / FRAME));
        }
        return w;
    }

    private static double[] toDouble(float[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        return y;
    }

    private static float[] toFloat(double[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) x[i];
        }
        return y;
    }
}
