package dev.shabdam.pipeline.analysis;

/**
 * Mel-frequency cepstral coefficients of each 25 ms / 10 ms frame of a {@link SpeechSignal}
 * (the frames of every other speech feature, so frame {@code i} here is frame {@code i} of the pitch
 * track): pre-emphasis 0.97, Hamming window, 512-point power spectrum, {@value #MEL_BANDS} triangular
 * mel bands from {@value #LOW_HZ} to {@value #HIGH_HZ} Hz, natural log, orthonormal DCT-II.
 * Coefficient 0 is the frame's log energy; the rest describe the spectral envelope.
 */
final class MfccExtractor {
    static final int MEL_BANDS = 40;
    static final double LOW_HZ = 20;
    static final double HIGH_HZ = 7600;
    private static final int FFT_SIZE = 512;
    private static final double PRE_EMPHASIS = 0.97;
    /** log of a band's energy is floored here, so that digital silence gives finite coefficients. */
    private static final double MIN_ENERGY = 1e-10;

    private final int coefficients;
    private final Fft fft = new Fft(FFT_SIZE);
    private final double[] window = new double[SpeechSignal.WINDOW];
    private final double[][] bands;
    private final int[] bandFirstBin;
    private final double[][] dct;

    /** Coefficients 0 .. count−1 per frame. */
    MfccExtractor(int count) {
        this.coefficients = count;
        for (int i = 0; i < window.length; i++) {
            window[i] = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (window.length - 1));
        }
        bands = new double[MEL_BANDS][];
        bandFirstBin = new int[MEL_BANDS];
        melBands();
        dct = new double[count][MEL_BANDS];
        for (int k = 0; k < count; k++) {
            double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / MEL_BANDS);
            for (int m = 0; m < MEL_BANDS; m++) {
                dct[k][m] = scale * Math.cos(Math.PI * k * (m + 0.5) / MEL_BANDS);
            }
        }
    }

    double[][] extract(SpeechSignal signal) {
        float[] x = signal.samples();
        int frames = signal.frameCount();
        double[][] out = new double[frames][];
        double[] re = new double[FFT_SIZE];
        double[] im = new double[FFT_SIZE];
        double[] logMel = new double[MEL_BANDS];
        for (int f = 0; f < frames; f++) {
            int start = f * SpeechSignal.HOP;
            java.util.Arrays.fill(re, 0);
            java.util.Arrays.fill(im, 0);
            for (int i = 0; i < SpeechSignal.WINDOW; i++) {
                double previous = start + i > 0 ? x[start + i - 1] : 0;
                re[i] = (x[start + i] - PRE_EMPHASIS * previous) * window[i];
            }
            fft.transform(re, im);
            for (int m = 0; m < MEL_BANDS; m++) {
                double energy = 0;
                double[] weights = bands[m];
                for (int k = 0; k < weights.length; k++) {
                    int bin = bandFirstBin[m] + k;
                    energy += weights[k] * (re[bin] * re[bin] + im[bin] * im[bin]);
                }
                logMel[m] = Math.log(Math.max(MIN_ENERGY, energy));
            }
            double[] c = new double[coefficients];
            for (int k = 0; k < coefficients; k++) {
                double sum = 0;
                for (int m = 0; m < MEL_BANDS; m++) {
                    sum += dct[k][m] * logMel[m];
                }
                c[k] = sum;
            }
            out[f] = c;
        }
        return out;
    }

    private void melBands() {
        double lowMel = mel(LOW_HZ), highMel = mel(HIGH_HZ);
        double[] edgesHz = new double[MEL_BANDS + 2];
        for (int i = 0; i < edgesHz.length; i++) {
            edgesHz[i] = hz(lowMel + (highMel - lowMel) * i / (MEL_BANDS + 1));
        }
        double binHz = SpeechSignal.RATE / (double) FFT_SIZE;
        for (int m = 0; m < MEL_BANDS; m++) {
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
