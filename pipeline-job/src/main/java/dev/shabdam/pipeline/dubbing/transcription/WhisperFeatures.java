package dev.shabdam.pipeline.dubbing.transcription;

/**
 * Whisper's log-mel front end, step for step as OpenAI's {@code log_mel_spectrogram} and Hugging Face's
 * {@code WhisperFeatureExtractor} compute it, since the encoder only understands features made exactly
 * so: 16 kHz audio zero-padded or cut to 30 s; a centred STFT (reflect padding as torch.stft, 400-point
 * periodic Hann window, hop 160); power spectrum; 80 Slaney mel filters (librosa's
 * {@code mel(sr=16000, n_fft=400, n_mels=80)}); the last of the 3001 frames dropped; log10 floored at
 * 1e-10; everything below max − 8 raised to it; then (x + 4) / 4.
 *
 * <p>{@code analysis.LogMelSpectrum} is no fit: it frames with a 512-point radix-2 FFT, pre-emphasis
 * and HTK mels, each of which moves the features away from what Whisper was trained on.
 */
public final class WhisperFeatures {
    public static final int SAMPLE_RATE_HZ = 16_000;
    /** Whisper always sees a 30 s window. */
    public static final int WINDOW_SAMPLES = 30 * SAMPLE_RATE_HZ;

    public static final int MEL_BANDS = 80;
    public static final int FRAMES = 3000;
    static final int N_FFT = 400;
    static final int HOP = 160;
    static final int BINS = N_FFT / 2 + 1;
    private static final double LOG_FLOOR = 1e-10;
    /** The dynamic range kept below the loudest band, in log10 units (80 dB). */
    private static final double DYNAMIC_RANGE = 8;
    /** Slaney's mel scale: 3 mel per 200 Hz up to 1 kHz, then 27 mel per factor 6.4 in frequency. */
    private static final double HZ_PER_MEL = 200.0 / 3;

    private static final double LINEAR_LIMIT_HZ = 1000;
    private static final double LINEAR_LIMIT_MEL = LINEAR_LIMIT_HZ / HZ_PER_MEL;
    private static final double LOG_STEP = Math.log(6.4) / 27;

    private static final double[] HANN = periodicHann();
    /**
     * cos and sin of the 400-point DFT, one row per bin: 400 is no power of two, and a direct transform of
     * the 201 bins costs about 0.3 s per 30 s on one core, small beside the encoder.
     */
    private static final double[][] COS = new double[BINS][N_FFT];

    private static final double[][] SIN = new double[BINS][N_FFT];
    private static final double[][] FILTERS = melFilters();

    static {
        for (int k = 0; k < BINS; k++) {
            for (int n = 0; n < N_FFT; n++) {
                double phase = 2 * Math.PI * ((long) k * n % N_FFT) / N_FFT;
                COS[k][n] = Math.cos(phase);
                SIN[k][n] = Math.sin(phase);
            }
        }
    }

    private WhisperFeatures() {}

    /**
     * The encoder's {@code input_features} for {@code pcm16k} (16 kHz mono): float[80 × 3000], row-major
     * [mel][frame]. Audio past 30 s is ignored.
     */
    public static float[] logMel(float[] pcm16k) {
        float[] audio = new float[WINDOW_SAMPLES];
        System.arraycopy(pcm16k, 0, audio, 0, Math.min(pcm16k.length, WINDOW_SAMPLES));
        double[][] logMel = new double[FRAMES][];
        double max = Double.NEGATIVE_INFINITY;
        double[] frame = new double[N_FFT];
        double[] power = new double[BINS];
        for (int t = 0; t < FRAMES; t++) {
            boolean silent = true;
            for (int n = 0; n < N_FFT; n++) {
                frame[n] = audio[reflect(t * HOP - N_FFT / 2 + n)] * HANN[n];
                silent &= frame[n] == 0;
            }
            powerSpectrum(frame, silent, power);
            logMel[t] = new double[MEL_BANDS];
            for (int m = 0; m < MEL_BANDS; m++) {
                double energy = 0;
                for (int k = 0; k < BINS; k++) {
                    energy += FILTERS[m][k] * power[k];
                }
                logMel[t][m] = Math.log10(Math.max(energy, LOG_FLOOR));
                max = Math.max(max, logMel[t][m]);
            }
        }
        float[] features = new float[MEL_BANDS * FRAMES];
        for (int t = 0; t < FRAMES; t++) {
            for (int m = 0; m < MEL_BANDS; m++) {
                features[m * FRAMES + t] = (float) ((Math.max(logMel[t][m], max - DYNAMIC_RANGE) + 4) / 4);
            }
        }
        return features;
    }

    /** torch.stft's reflect padding: the signal mirrored about its first and last sample, which are not repeated. */
    private static int reflect(int i) {
        if (i < 0) {
            return -i;
        }
        return i < WINDOW_SAMPLES ? i : 2 * (WINDOW_SAMPLES - 1) - i;
    }

    /** |DFT|² of one windowed frame; the padding of a short span is silent, and skipped. */
    private static void powerSpectrum(double[] frame, boolean silent, double[] power) {
        for (int k = 0; k < BINS; k++) {
            if (silent) {
                power[k] = 0;
                continue;
            }
            double re = 0;
            double im = 0;
            double[] cos = COS[k];
            double[] sin = SIN[k];
            for (int n = 0; n < N_FFT; n++) {
                re += frame[n] * cos[n];
                im += frame[n] * sin[n];
            }
            power[k] = re * re + im * im;
        }
    }

    private static double[] periodicHann() {
        double[] window = new double[N_FFT];
        for (int n = 0; n < N_FFT; n++) {
            window[n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / N_FFT);
        }
        return window;
    }

    /**
     * librosa's Slaney filterbank, [mel][bin]: 82 points evenly spaced on the Slaney mel scale from 0 Hz to
     * Nyquist; filter m rises from point m to m + 1 and falls to m + 2, in Hz; scaled by 2 / (its width in
     * Hz), so that every triangle has unit area.
     */
    static double[][] melFilters() {
        double topMel = hzToMel(SAMPLE_RATE_HZ / 2.0);
        double[] pointsHz = new double[MEL_BANDS + 2];
        for (int i = 0; i < pointsHz.length; i++) {
            pointsHz[i] = melToHz(topMel * i / (MEL_BANDS + 1));
        }
        double[][] filters = new double[MEL_BANDS][BINS];
        for (int m = 0; m < MEL_BANDS; m++) {
            double left = pointsHz[m];
            double centre = pointsHz[m + 1];
            double right = pointsHz[m + 2];
            for (int k = 0; k < BINS; k++) {
                double hz = binHz(k);
                double rising = (hz - left) / (centre - left);
                double falling = (right - hz) / (right - centre);
                filters[m][k] = Math.max(0, Math.min(rising, falling)) * 2 / (right - left);
            }
        }
        return filters;
    }

    static double binHz(int bin) {
        return bin * (double) SAMPLE_RATE_HZ / N_FFT;
    }

    /** Slaney's mel scale (librosa htk=False): linear, 3 mel per 200 Hz, up to 1 kHz; logarithmic above. */
    static double hzToMel(double hz) {
        return hz < LINEAR_LIMIT_HZ ? hz / HZ_PER_MEL : LINEAR_LIMIT_MEL + Math.log(hz / LINEAR_LIMIT_HZ) / LOG_STEP;
    }

    static double melToHz(double mel) {
        return mel < LINEAR_LIMIT_MEL
                ? mel * HZ_PER_MEL
                : LINEAR_LIMIT_HZ * Math.exp(LOG_STEP * (mel - LINEAR_LIMIT_MEL));
    }
}
