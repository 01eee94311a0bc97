package dev.shabdam.pipeline.analysis.speaker;

import dev.shabdam.pipeline.analysis.dsp.Fft;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;

import java.util.Arrays;

/**
 * Log mel band energies of each 25 ms / 10 ms frame of a {@link SpeechSignal}: pre-emphasis 0.97,
 * a {@link Window}, 512-point power spectrum, triangular mel bands, natural log. The front end of
 * {@link MfccExtractor} (40 bands, Hamming) and of {@link OnnxSpeakerEmbedder} (80 bands, Kaldi's
 * Povey window and per-frame DC removal, as the WeSpeaker models were trained on).
 */
final class LogMelSpectrum {
    private static final int FFT_SIZE = 512;
    private static final double PRE_EMPHASIS = 0.97;
    /** log of a band's energy is floored here, so that digital silence gives finite values. */
    private static final double MIN_ENERGY = 1e-10;

    enum Window {
        /** 0.54 − 0.46·cos. */
        HAMMING,
        /** Kaldi's default: a Hann window to the power 0.85; each frame's DC offset is removed first. */
        POVEY
    }

    private final int bandCount;
    private final boolean removeDc;
    private final Fft fft = new Fft(FFT_SIZE);
    private final double[] window = new double[SpeechSignal.WINDOW];
    private final double[][] bands;
    private final int[] bandFirstBin;

    LogMelSpectrum(int bandCount, double lowHz, double highHz, Window kind) {
        this.bandCount = bandCount;
        this.removeDc = kind == Window.POVEY;
        for (int i = 0; i < window.length; i++) {
            double phase = 2 * Math.PI * i / (window.length - 1);
            window[i] = kind == Window.HAMMING
                    ? 0.54 - 0.46 * Math.cos(phase)
                    : Math.pow(0.5 - 0.5 * Math.cos(phase), 0.85);
        }
        bands = new double[bandCount][];
        bandFirstBin = new int[bandCount];
        melBands(lowHz, highHz);
    }

    int bandCount() {
        return bandCount;
    }

    /** {@code [frame][band]}: one row per frame of {@code signal}. */
    double[][] extract(SpeechSignal signal) {
        float[] x = signal.samples();
        int frames = signal.frameCount();
        double[][] out = new double[frames][];
        double[] re = new double[FFT_SIZE];
        double[] im = new double[FFT_SIZE];
        for (int f = 0; f < frames; f++) {
            int start = f * SpeechSignal.HOP;
            Arrays.fill(re, 0);
            Arrays.fill(im, 0);
            double dc = 0;
            if (removeDc) {
                for (int i = 0; i < SpeechSignal.WINDOW; i++) {
                    dc += x[start + i];
                }
                dc /= SpeechSignal.WINDOW;
            }
            for (int i = 0; i < SpeechSignal.WINDOW; i++) {
                double previous = start + i > 0 ? x[start + i - 1] - dc : 0;
                re[i] = (x[start + i] - dc - PRE_EMPHASIS * previous) * window[i];
            }
            fft.transform(re, im);
            double[] logMel = new double[bandCount];
            for (int m = 0; m < bandCount; m++) {
                double energy = 0;
                double[] weights = bands[m];
                for (int k = 0; k < weights.length; k++) {
                    int bin = bandFirstBin[m] + k;
                    energy += weights[k] * (re[bin] * re[bin] + im[bin] * im[bin]);
                }
                logMel[m] = Math.log(Math.max(MIN_ENERGY, energy));
            }
            out[f] = logMel;
        }
        return out;
    }

    private void melBands(double lowHz, double highHz) {
        double lowMel = mel(lowHz), highMel = mel(highHz);
        double[] edgesHz = new double[bandCount + 2];
        for (int i = 0; i < edgesHz.length; i++) {
            edgesHz[i] = hz(lowMel + (highMel - lowMel) * i / (bandCount + 1));
        }
        double binHz = SpeechSignal.RATE / (double) FFT_SIZE;
        for (int m = 0; m < bandCount; m++) {
            double left = edgesHz[m], centre = edgesHz[m + 1], right = edgesHz[m + 2];
            int first = (int) Math.ceil(left / binHz), last = (int) Math.floor(right / binHz);
            bandFirstBin[m] = first;
            bands[m] = new double[Math.max(0, last - first + 1)];
            for (int bin = first; bin <= last; bin++) {
                double hz = bin * binHz;
                bands[m][bin - first] = hz <= centre ? (hz - left) / (centre - left) : (right - hz) / (right - centre);
            }
        }
    }

    private static double mel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    private static double hz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }
}
