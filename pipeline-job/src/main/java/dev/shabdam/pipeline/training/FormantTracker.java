package dev.shabdam.pipeline.training;

import dev.shabdam.pipeline.analysis.dsp.Resampler;
import dev.shabdam.pipeline.analysis.pitch.PitchTrack;
import dev.shabdam.pipeline.analysis.pitch.PitchTracker;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;

import java.util.Arrays;

/**
 * Formants F1–F3 by linear prediction, the way Praat's "To Formant" sets it up: the speech is
 * resampled to twice the highest formant sought ({@value #MAX_FORMANT_HZ} Hz, so that the LPC sees
 * five formants' worth of spectrum), pre-emphasised from 50 Hz, cut into 25 ms Hamming frames every
 * 10 ms; per voiced frame an order-{@value #ORDER} all-pole model (autocorrelation method,
 * Levinson–Durbin), whose envelope 1/|A(e^jω)| is scanned for peaks. Peaks are used instead of the
 * polynomial's roots: the same frequencies for the well-separated resonances of speech, and no
 * root finder. The first three peaks above {@value #MIN_FORMANT_HZ} Hz are F1–F3; the result is
 * each one's median over the louder half of the voiced frames (the vowels' nuclei: transitions into
 * consonants move the formants by what is said, not by who says it), a summary of the vocal tract,
 * which is what its length sets.
 */
public final class FormantTracker {
    static final double MAX_FORMANT_HZ = 5500;
    static final int ORDER = 12;
    static final double MIN_FORMANT_HZ = 150;
    private static final int RATE = (int) (2 * MAX_FORMANT_HZ);
    private static final double SCAN_STEP_HZ = 10;

    /** The medians of F1, F2, F3 in Hz over the voiced frames; null when fewer than ten frames gave three peaks. */
    public double[] medianFormantsHz(SpeechSignal speech, PitchTrack pitch) {
        float[] x = Resampler.resample(speech.samples(), SpeechSignal.RATE, RATE);
        preEmphasise(x);
        int window = (int) (0.025 * RATE);
        int hop = RATE / 100;
        double[] hamming = new double[window];
        for (int i = 0; i < window; i++) {
            hamming[i] = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (window - 1));
        }
        double[] energy = new double[pitch.f0Hz().length];
        for (int f = 0; f < energy.length; f++) {
            int start = f * hop;
            if (pitch.voiced(f) && start + window <= x.length) {
                for (int i = 0; i < window; i++) {
                    energy[f] += x[start + i] * (double) x[start + i];
                }
            }
        }
        double loudHalf = medianOfVoiced(energy);
        double[][] found = new double[3][energy.length];
        int n = 0;
        double[] frame = new double[window];
        for (int f = 0; f < energy.length; f++) {
            // the louder half of the voiced frames: vowel nuclei, not the transitions into consonants
            if (energy[f] <= 0 || energy[f] < loudHalf) {
                continue;
            }
            int start = f * hop;
            for (int i = 0; i < window; i++) {
                frame[i] = x[start + i] * hamming[i];
            }
            double[] a = lpc(frame);
            double[] peaks = a == null ? null : envelopePeaks(a);
            if (peaks != null) {
                for (int k = 0; k < 3; k++) {
                    found[k][n] = peaks[k];
                }
                n++;
            }
        }
        if (n < 10) {
            return null;
        }
        double[] medians = new double[3];
        for (int k = 0; k < 3; k++) {
            double[] values = Arrays.copyOf(found[k], n);
            Arrays.sort(values);
            medians[k] = values[n / 2];
        }
        return medians;
    }

    private static double medianOfVoiced(double[] energy) {
        double[] voiced = Arrays.stream(energy).filter(e -> e > 0).sorted().toArray();
        return voiced.length == 0 ? Double.POSITIVE_INFINITY : voiced[voiced.length / 2];
    }

    /** First-order pre-emphasis from 50 Hz, as Praat's. */
    private static void preEmphasise(float[] x) {
        float alpha = (float) Math.exp(-2 * Math.PI * 50 / RATE);
        for (int i = x.length - 1; i > 0; i--) {
            x[i] -= alpha * x[i - 1];
        }
    }

    /** a[0..ORDER] with a[0] = 1, by Levinson–Durbin on the frame's autocorrelation; null for a silent frame. */
    static double[] lpc(double[] frame) {
        double[] r = new double[ORDER + 1];
        for (int lag = 0; lag <= ORDER; lag++) {
            double sum = 0;
            for (int i = lag; i < frame.length; i++) {
                sum += frame[i] * frame[i - lag];
            }
            r[lag] = sum;
        }
        if (r[0] <= 1e-12) {
            return null;
        }
        double[] a = new double[ORDER + 1];
        a[0] = 1;
        double error = r[0];
        for (int i = 1; i <= ORDER; i++) {
            double acc = r[i];
            for (int j = 1; j < i; j++) {
                acc += a[j] * r[i - j];
            }
            double k = -acc / error;
            double[] previous = a.clone();
            for (int j = 1; j < i; j++) {
                a[j] = previous[j] + k * previous[i - j];
            }
            a[i] = k;
            error *= 1 - k * k;
            if (error <= 0) {
                return null;
            }
        }
        return a;
    }

    /** The first three peaks of 1/|A| above the lowest formant, refined by a parabola; null when fewer. */
    private static double[] envelopePeaks(double[] a) {
        int steps = (int) (MAX_FORMANT_HZ / SCAN_STEP_HZ);
        double[] level = new double[steps + 1];
        for (int s = 0; s <= steps; s++) {
            double w = 2 * Math.PI * s * SCAN_STEP_HZ / RATE;
            double re = 0, im = 0;
            for (int j = 0; j < a.length; j++) {
                re += a[j] * Math.cos(w * j);
                im -= a[j] * Math.sin(w * j);
            }
            level[s] = -10 * Math.log10(re * re + im * im);
        }
        double[] peaks = new double[3];
        int found = 0;
        for (int s = 1; s < steps && found < 3; s++) {
            if (level[s] > level[s - 1] && level[s] >= level[s + 1] && s * SCAN_STEP_HZ >= MIN_FORMANT_HZ) {
                // the parabola of a minimum, turned over
                double shift = PitchTracker.parabolicShift(-level[s - 1], -level[s], -level[s + 1]);
                peaks[found++] = (s + shift) * SCAN_STEP_HZ;
            }
        }
        return found == 3 ? peaks : null;
    }
}
