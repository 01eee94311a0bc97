package dev.shabdam.pipeline.dubbing.transcription;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.shabdam.pipeline.dubbing.transcription.WhisperFeatures.FRAMES;
import static dev.shabdam.pipeline.dubbing.transcription.WhisperFeatures.MEL_BANDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WhisperFeaturesTest {
    private static final int RATE = WhisperFeatures.SAMPLE_RATE_HZ;

    private static float feature(float[] features, int mel, int frame) {
        return features[mel * FRAMES + frame];
    }

    /** {@code amplitude · cos(2π·hz·t)} for {@code seconds}, from t = 0. */
    private static float[] cosine(double hz, double amplitude, double seconds) {
        float[] x = new float[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * Math.cos(2 * Math.PI * hz * i / RATE));
        }
        return x;
    }

    @Test
    void silenceIsTheFloorEverywhere() {
        float[] features = WhisperFeatures.logMel(new float[RATE]);
        assertThat(features).hasSize(MEL_BANDS * FRAMES);
        // log10(1e-10) = −10 everywhere, so max − 8 floors nothing: (−10 + 4) / 4
        for (float f : features) {
            assertThat(f).isEqualTo(-1.5f);
        }
    }

    /**
     * Reference values from Hugging Face transformers 5.17 {@code WhisperFeatureExtractor} (the front end
     * Transformers.js and Optimum pair with these ONNX exports) for the signal below, computed offline in
     * float32: 2.5 s of a 440 Hz tone plus a decaying 1234.5 Hz one, then silence to 30 s.
     */
    @Test
    void matchesTheHuggingFaceFeatureExtractor() {
        float[] x = new float[(int) (2.5 * RATE)];
        for (int i = 0; i < x.length; i++) {
            double t = (double) i / RATE;
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * t)
                    + 0.2 * Math.sin(2 * Math.PI * 1234.5 * t + 0.3) * Math.exp(-t));
        }
        int[] mels = {3, 10, 20, 30, 45, 60};
        int[] frames = {0, 1, 100, 249, 250};
        double[][] expected = {
            {0.9363, 1.23465, 0.38756, 1.12526, 0.49381, 0.22094}, // frame 0: reflect-padded start
            {0.41731, 1.23964, 0.12518, 1.03069, -0.01359, -0.28876},
            {-0.67272, 1.23781, -0.67272, 0.8122, -0.67272, -0.67272}, // the floor, max − 8, where only the tones are
            {0.22732, 1.23853, 0.06362, 0.48706, -0.46457, -0.67272},
            {0.74614, 1.1566, 0.55892, 0.5284, 0.04433, -0.22252}, // the click where the sound stops
        };
        float[] features = WhisperFeatures.logMel(x);
        for (int f = 0; f < frames.length; f++) {
            for (int m = 0; m < mels.length; m++) {
                assertThat((double) feature(features, mels[m], frames[f]))
                        .as("mel %d frame %d", mels[m], frames[f])
                        .isCloseTo(expected[f][m], within(2e-4));
            }
        }
        assertThat((double) feature(features, 0, 2999)).isCloseTo(-0.67272, within(2e-4));
    }

    @Test
    void theRangeIsEightDecadesBelowTheLoudestBand() {
        float[] features = WhisperFeatures.logMel(cosine(440, 0.5, 3));
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (float f : features) {
            max = Math.max(max, f);
            min = Math.min(min, f);
        }
        assertThat((double) (max - min)).isCloseTo(2.0, within(1e-6)); // 8 / 4
        // after the tone, only the floor
        assertThat(feature(features, 40, 2000)).isEqualTo(min);
    }

    @Test
    void aPureToneIsLoudestInTheBandAroundItsFrequency() {
        double[][] filters = WhisperFeatures.melFilters();
        for (double hz : new double[] {300, 1000, 2000, 5000}) {
            float[] features = WhisperFeatures.logMel(cosine(hz, 0.5, 2));
            int loudest = 0;
            for (int m = 1; m < MEL_BANDS; m++) {
                if (feature(features, m, 100) > feature(features, loudest, 100)) {
                    loudest = m;
                }
            }
            double centreHz = WhisperFeatures.melToHz((loudest + 1) * slaneyMel(8000) / (MEL_BANDS + 1));
            double spacingHz = WhisperFeatures.melToHz((loudest + 2) * slaneyMel(8000) / (MEL_BANDS + 1)) - centreHz;
            assertThat(Math.abs(centreHz - hz))
                    .as("%s Hz: band %d centred on %s Hz", hz, loudest, centreHz)
                    .isLessThanOrEqualTo(spacingHz);
            int bin = (int) Math.round(hz / WhisperFeatures.binHz(1));
            assertThat(filters[loudest][bin]).isPositive();
        }
    }

    /** A cosine starting at t = 0 is even, so torch.stft's reflection continues it exactly: frame 0 is like any other. */
    @Test
    void theStartIsReflectPaddedNotZeroPadded() {
        // 1 kHz: 16 samples a period, 10 periods a hop
        float[] features = WhisperFeatures.logMel(cosine(1000, 0.5, 1));
        for (int m = 0; m < MEL_BANDS; m++) {
            assertThat((double) feature(features, m, 0))
                    .as("mel %d", m)
                    .isCloseTo(feature(features, m, 10), within(1e-4));
        }
    }

    @Test
    void audioPastThirtySecondsIsIgnored() {
        // silent but for the half second either side of the 30 s mark, so that few frames need a transform
        float[] long31 = new float[31 * RATE];
        float[] tone = cosine(700, 0.3, 1);
        System.arraycopy(tone, 0, long31, 30 * RATE - RATE / 2, tone.length);
        assertThat(WhisperFeatures.logMel(long31)).isEqualTo(WhisperFeatures.logMel(Arrays.copyOf(long31, 30 * RATE)));
    }

    /** Slaney's scale by its defining points: 15 mel at 1 kHz, linear below, +27 mel per factor 6.4 above. */
    private static double slaneyMel(double hz) {
        return hz <= 1000 ? 15 * hz / 1000 : 15 + 27 * Math.log(hz / 1000) / Math.log(6.4);
    }

    @Test
    void theMelScaleIsSlaneys() {
        for (double hz : new double[] {0, 200, 999, 1000, 2500, 6400, 8000}) {
            assertThat(WhisperFeatures.hzToMel(hz)).as("%s Hz", hz).isCloseTo(slaneyMel(hz), within(1e-9));
            assertThat(WhisperFeatures.melToHz(WhisperFeatures.hzToMel(hz))).isCloseTo(hz, within(1e-6));
        }
    }

    /** Weights from librosa 0.11 {@code filters.mel(sr=16000, n_fft=400, n_mels=80)}, as Whisper ships them. */
    @Test
    void theFilterbankIsLibrosas() {
        double[][] filters = WhisperFeatures.melFilters();
        assertThat(filters[0][1]).isCloseTo(0.02486259490251541, within(1e-9));
        assertThat(filters[1][2]).isCloseTo(0.022871771827340126, within(1e-9));
        assertThat(filters[25][24]).isCloseTo(0.020874010398983955, within(1e-9));
        assertThat(filters[40][43]).isCloseTo(0.014735566452145576, within(1e-9));
        assertThat(filters[79][192]).isCloseTo(0.0031647118739783764, within(1e-9));
        assertThat(filters[79][195]).isCloseTo(0.0022437951993197203, within(1e-9));
        assertThat(filters[79][200]).isZero();
    }

    @Test
    void eachFilterIsATrianglePeakingNextToItsSlaneyCentreWithUnitArea() {
        double[][] filters = WhisperFeatures.melFilters();
        double step = slaneyMel(8000) / (MEL_BANDS + 1);
        double binHz = WhisperFeatures.binHz(1);
        for (int m = 0; m < MEL_BANDS; m++) {
            double leftHz = WhisperFeatures.melToHz(m * step);
            double centreHz = WhisperFeatures.melToHz((m + 1) * step);
            double rightHz = WhisperFeatures.melToHz((m + 2) * step);
            int peak = 0;
            double area = 0;
            for (int k = 0; k < WhisperFeatures.BINS; k++) {
                double hz = WhisperFeatures.binHz(k);
                if (hz <= leftHz || hz >= rightHz) {
                    assertThat(filters[m][k]).as("filter %d bin %d", m, k).isZero();
                }
                peak = filters[m][k] > filters[m][peak] ? k : peak;
                area += filters[m][k] * binHz;
            }
            assertThat(peak).as("filter %d peak", m).isBetween((int) Math.floor(centreHz / binHz), (int)
                    Math.ceil(centreHz / binHz));
            assertThat(filters[m][peak]).isLessThanOrEqualTo(2 / (rightHz - leftHz) + 1e-12);
            if (rightHz - leftHz > 8 * binHz) {
                // sampled finely enough for the bins to add up to the triangle's area
                assertThat(area).as("filter %d area", m).isCloseTo(1.0, within(0.02));
            }
        }
    }
}
