package dev.shabdam.pipeline.analysis.speaker;

import dev.shabdam.pipeline.analysis.speech.SpeechSignal;

/**
 * Mel-frequency cepstral coefficients of each 25 ms / 10 ms frame of a {@link SpeechSignal}
 * (the frames of every other speech feature, so frame {@code i} here is frame {@code i} of the pitch
 * track): the {@link LogMelSpectrum} with a Hamming window and {@value #MEL_BANDS} bands from
 * {@value #LOW_HZ} to {@value #HIGH_HZ} Hz, then an orthonormal DCT-II.
 * Coefficient 0 is the frame's log energy; the rest describe the spectral envelope.
 */
public final class MfccExtractor {
    static final int MEL_BANDS = 40;
    static final double LOW_HZ = 20;
    static final double HIGH_HZ = 7600;

    private final int coefficients;
    private final LogMelSpectrum logMel = new LogMelSpectrum(MEL_BANDS, LOW_HZ, HIGH_HZ, LogMelSpectrum.Window.HAMMING);
    private final double[][] dct;

    /** Coefficients 0 .. count−1 per frame. */
    public MfccExtractor(int count) {
        this.coefficients = count;
        dct = new double[count][MEL_BANDS];
        for (int k = 0; k < count; k++) {
            double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / MEL_BANDS);
            for (int m = 0; m < MEL_BANDS; m++) {
                dct[k][m] = scale * Math.cos(Math.PI * k * (m + 0.5) / MEL_BANDS);
            }
        }
    }

    public double[][] extract(SpeechSignal signal) {
        double[][] bands = logMel.extract(signal);
        double[][] out = new double[bands.length][];
        for (int f = 0; f < bands.length; f++) {
            double[] c = new double[coefficients];
            for (int k = 0; k < coefficients; k++) {
                double sum = 0;
                for (int m = 0; m < MEL_BANDS; m++) {
                    sum += dct[k][m] * bands[f][m];
                }
                c[k] = sum;
            }
            out[f] = c;
        }
        return out;
    }
}
