package dev.shabdam.pipeline.analysis.speaker;

import dev.shabdam.pipeline.analysis.pitch.PitchTrack;
import dev.shabdam.pipeline.analysis.pitch.PitchTracker;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;

/**
 * A speaker embedding without a model: the mean and standard deviation of MFCC 1–{@value #COEFFICIENTS}
 * and of their deltas over the voiced frames (4 × {@value #COEFFICIENTS} values). c0 is left out so
 * that recording level does not count; voiced frames only, so that pauses and room noise do not.
 * It separates clearly different voices (pitch, timbre, spectral tilt) but is no match for a neural
 * speaker encoder on similar voices or across microphones.
 */
public final class MfccStatsEmbedder implements SpeakerEmbedder {
    public static final String ID = "mfcc-stats";
    static final int COEFFICIENTS = 20;
    /** Deltas by linear regression over ±2 frames. */
    private static final int DELTA_REACH = 2;

    private final MfccExtractor mfcc = new MfccExtractor(COEFFICIENTS + 1);
    private final PitchTracker pitchTracker = new PitchTracker();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public float[] embed(SpeechSignal signal) {
        double[][] c = mfcc.extract(signal);
        PitchTrack pitch = pitchTracker.track(signal);
        int n = COEFFICIENTS;
        double[] sum = new double[2 * n], sumSq = new double[2 * n];
        int frames = 0;
        for (int f = 0; f < c.length; f++) {
            if (!pitch.voiced(f)) {
                continue;
            }
            for (int k = 0; k < n; k++) {
                double value = c[f][k + 1];
                double delta = delta(c, f, k + 1);
                sum[k] += value;
                sumSq[k] += value * value;
                sum[n + k] += delta;
                sumSq[n + k] += delta * delta;
            }
            frames++;
        }
        float[] embedding = new float[4 * n];
        if (frames == 0) {
            return embedding;
        }
        for (int d = 0; d < 2 * n; d++) {
            double mean = sum[d] / frames;
            embedding[d] = (float) mean;
            embedding[2 * n + d] = (float) Math.sqrt(Math.max(0, sumSq[d] / frames - mean * mean));
        }
        return embedding;
    }

    private static double delta(double[][] c, int f, int k) {
        double num = 0, den = 0;
        for (int t = 1; t <= DELTA_REACH; t++) {
            double later = c[Math.min(c.length - 1, f + t)][k];
            double earlier = c[Math.max(0, f - t)][k];
            num += t * (later - earlier);
            den += 2 * t * t;
        }
        return num / den;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * (double) b[i];
            na += a[i] * (double) a[i];
            nb += b[i] * (double) b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
