package dev.shabdam.pipeline.training;

import dev.shabdam.pipeline.analysis.dsp.Resampler;
import dev.shabdam.pipeline.analysis.dsp.Stft;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;

/**
 * The long-term average spectrum (LTAS) of speech in third-octave bands from {@value #LOW_HZ} Hz up
 * to {@value #HIGH_HZ} Hz, on the 16 kHz track: the mean power of each band over every frame,
 * in dB, shifted so that the bands average 0 dB. The level of a recording thus does not count, its
 * timbre does: the spectral envelope averaged over many sounds, what a listener hears as dark,
 * bright, thin or full. The spectral tilt is the slope of a straight line through the bands against
 * octaves (dB per octave; speech is typically −6 to −12).
 */
public final class LongTermSpectrum {
    static final double LOW_HZ = 100;
    static final double HIGH_HZ = 6300;
    /** 15.6 Hz bins at 16 kHz: the lowest band, 23 Hz wide, still holds one. */
    private static final int FFT_SIZE = 1024;

    private static final double[] CENTRES = centres();

    private LongTermSpectrum() {}

    /** Band levels of {@code samples} at {@code sampleRate}, measured at 16 kHz, in dB around a 0 dB mean. */
    public static double[] of(float[] samples, int sampleRate) {
        double[] power = new double[CENTRES.length];
        double binHz = SpeechSignal.RATE / (double) FFT_SIZE;
        // at one rate, so that every band holds the same bins whatever the input's rate
        float[] x = Resampler.resample(samples, sampleRate, SpeechSignal.RATE);
        new Stft(FFT_SIZE).analyse(x, (re, im) -> {
            for (int k = 1; k < FFT_SIZE / 2; k++) {
                int band = bandOf(k * binHz);
                if (band >= 0) {
                    power[band] += re[k] * re[k] + im[k] * im[k];
                }
            }
        });
        double[] db = new double[power.length];
        for (int b = 0; b < db.length; b++) {
            db[b] = 10 * Math.log10(Math.max(power[b], 1e-20));
        }
        return centred(db);
    }

    /** Of a 16 kHz speech track. */
    public static double[] of(SpeechSignal speech) {
        return of(speech.samples(), SpeechSignal.RATE);
    }

    /** Least-squares slope of the band levels against log2 of their centres: dB per octave. */
    public static double tiltDbPerOctave(double[] bandsDb) {
        double mx = 0, my = 0;
        for (int b = 0; b < bandsDb.length; b++) {
            mx += log2(CENTRES[b]);
            my += bandsDb[b];
        }
        mx /= bandsDb.length;
        my /= bandsDb.length;
        double sxy = 0, sxx = 0;
        for (int b = 0; b < bandsDb.length; b++) {
            double dx = log2(CENTRES[b]) - mx;
            sxy += dx * (bandsDb[b] - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }

    /**
     * A band-wise gain curve read at any frequency: linear between band centres on a log-frequency
     * axis, the end bands' value beyond them.
     */
    public static double at(double[] bandsDb, double hz) {
        if (hz <= CENTRES[0]) {
            return bandsDb[0];
        }
        for (int b = 1; b < CENTRES.length; b++) {
            if (hz <= CENTRES[b]) {
                double t = (log2(hz) - log2(CENTRES[b - 1])) / (log2(CENTRES[b]) - log2(CENTRES[b - 1]));
                return bandsDb[b - 1] + t * (bandsDb[b] - bandsDb[b - 1]);
            }
        }
        return bandsDb[bandsDb.length - 1];
    }

    /** The band a frequency falls in (edges a sixth of an octave either side of a centre), −1 outside. */
    private static int bandOf(double hz) {
        if (hz < CENTRES[0] / Math.pow(2, 1 / 6.0) || hz >= CENTRES[CENTRES.length - 1] * Math.pow(2, 1 / 6.0)) {
            return -1;
        }
        int band = (int) Math.round(3 * log2(hz / CENTRES[0]));
        return Math.max(0, Math.min(CENTRES.length - 1, band));
    }

    private static double[] centred(double[] db) {
        double mean = 0;
        for (double d : db) {
            mean += d;
        }
        mean /= db.length;
        double[] out = new double[db.length];
        for (int b = 0; b < db.length; b++) {
            out[b] = db[b] - mean;
        }
        return out;
    }

    private static double[] centres() {
        int count = (int) Math.round(3 * log2(HIGH_HZ / LOW_HZ)) + 1;
        double[] c = new double[count];
        for (int b = 0; b < count; b++) {
            c[b] = LOW_HZ * Math.pow(2, b / 3.0);
        }
        return c;
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
