package dev.shabdam.pipeline.synthesis.cloning;

import dev.shabdam.pipeline.analysis.dsp.Fft;
import dev.shabdam.pipeline.analysis.dsp.Stft;
import dev.shabdam.pipeline.training.LongTermSpectrum;

/**
 * Reshapes the spectral envelope of speech and leaves its harmonics where they are, frame by frame
 * ({@link Stft}, 1024 points): each frame's log spectrum is split into its envelope, the real
 * cepstrum liftered to its first {@value #LIFTER_SECONDS} s of quefrency (under the period of any
 * voice up to 500 Hz, so the harmonics stay out of it), and the fine structure that remains. The
 * envelope is then
 * <ul>
 *   <li>warped along frequency ({@link #warp}), piecewise linearly so that each formant lands where
 *       it is wanted, and above them by one factor as in the vocal-tract-length model;</li>
 *   <li>or given a gain curve over frequency ({@link #equalise}): the long-term-spectrum equalisation
 *       that brings tilt and timbre to a profile's.</li>
 * </ul>
 * The phase of each bin is kept.
 */
final class SpectralEnvelopeShaper {
    static final double LIFTER_SECONDS = 0.002;
    private static final int FFT_SIZE = 1024;
    private static final double FLOOR = 1e-9;

    private final Stft stft = new Stft(FFT_SIZE);
    private final Fft fft = new Fft(FFT_SIZE);

    /**
     * The envelope of {@code x} warped so that each frequency of {@code fromHz} (ascending: the
     * formants as they are) lands on the same-numbered one of {@code toHz} (the formants wanted),
     * linearly in between; 0 Hz stays, and above the last formant the last one's factor holds (the
     * vocal-tract-length model, where a longer tract lowers every resonance by one factor).
     */
    float[] warp(float[] x, int sampleRate, double[] fromHz, double[] toHz) {
        int lifter = (int) Math.round(LIFTER_SECONDS * sampleRate);
        int half = FFT_SIZE / 2;
        double binHz = sampleRate / (double) FFT_SIZE;
        // for each output bin, the bin of the input envelope it takes its value from
        double[] sourceBin = new double[half + 1];
        for (int k = 0; k <= half; k++) {
            sourceBin[k] = Math.min(half, inverseWarp(k * binHz, fromHz, toHz) / binHz);
        }
        double[] logMag = new double[half + 1];
        double[] change = new double[half + 1];
        return stft.process(x, (re, im) -> {
            double[] envelope = envelope(re, im, logMag, lifter);
            for (int k = 0; k <= half; k++) {
                int below = (int) sourceBin[k];
                double t = sourceBin[k] - below;
                double warped = below >= half ? envelope[half] : (1 - t) * envelope[below] + t * envelope[below + 1];
                change[k] = warped - envelope[k];
            }
            scale(re, im, change);
        });
    }

    /** The input frequency that the warp takes to {@code hz}. */
    static double inverseWarp(double hz, double[] fromHz, double[] toHz) {
        double lowFrom = 0, lowTo = 0;
        for (int i = 0; i < toHz.length; i++) {
            if (hz <= toHz[i]) {
                return lowFrom + (hz - lowTo) * (fromHz[i] - lowFrom) / (toHz[i] - lowTo);
            }
            lowFrom = fromHz[i];
            lowTo = toHz[i];
        }
        return hz * lowFrom / lowTo;
    }

    /** {@code x} with a gain in dB per {@link LongTermSpectrum} band, read between the bands' centres. */
    float[] equalise(float[] x, int sampleRate, double[] bandGainsDb) {
        int half = FFT_SIZE / 2;
        double[] change = new double[half + 1];
        for (int k = 0; k <= half; k++) {
            double hz = k * sampleRate / (double) FFT_SIZE;
            change[k] = LongTermSpectrum.at(bandGainsDb, hz) * Math.log(10) / 20; // dB to natural log of magnitude
        }
        return stft.process(x, (re, im) -> scale(re, im, change));
    }

    /** The frame's cepstrally smoothed log magnitude, bins 0..N/2 (its raw log magnitude left in {@code logMag}). */
    private double[] envelope(double[] re, double[] im, double[] logMag, int lifter) {
        int half = FFT_SIZE / 2;
        double[] cr = new double[FFT_SIZE];
        double[] ci = new double[FFT_SIZE];
        for (int k = 0; k <= half; k++) {
            logMag[k] = Math.log(Math.max(FLOOR, Math.hypot(re[k], im[k])));
            cr[k] = logMag[k];
            if (k > 0 && k < half) {
                cr[FFT_SIZE - k] = logMag[k];
            }
        }
        // a real, even sequence: its forward transform is N times its inverse, and real
        fft.transform(cr, ci);
        for (int n = 0; n < FFT_SIZE; n++) {
            boolean kept = n <= lifter || n >= FFT_SIZE - lifter;
            cr[n] = kept ? cr[n] / FFT_SIZE : 0;
            ci[n] = 0;
        }
        fft.transform(cr, ci);
        double[] envelope = new double[half + 1];
        System.arraycopy(cr, 0, envelope, 0, half + 1);
        return envelope;
    }

    /** Multiplies bins 0..N/2 by exp(change[k]). */
    private static void scale(double[] re, double[] im, double[] change) {
        for (int k = 0; k < change.length; k++) {
            double gain = Math.exp(change[k]);
            re[k] *= gain;
            im[k] *= gain;
        }
    }
}
