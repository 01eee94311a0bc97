package dev.shabdam.pipeline.analysis.speech;

/**
 * Level and zero-crossing rate of each frame of a {@link SpeechSignal}.
 *
 * @param powerDb           mean square in dB relative to full scale (a full-scale square wave is 0 dB,
 *                          a full-scale sine −3 dB), floored at {@value #FLOOR_DB} dB for digital silence
 * @param zeroCrossingRate  sign changes per sample, 0..1 (white noise ≈ 0.5, a 150 Hz vowel ≈ 0.02–0.1)
 */
public record FrameLevels(double[] powerDb, double[] zeroCrossingRate) {
    public static final double FLOOR_DB = -120.0;

    static FrameLevels of(SpeechSignal signal) {
        SpeechFrames frames = new SpeechFrames(null);
        frames.add(signal.samples(), 0, signal.samples().length);
        return frames.levels();
    }

    /** Writes the level and zero-crossing rate of the frame that starts at {@code x[start]} into slot {@code f}. */
    static void measure(float[] x, int start, double[] power, double[] zcr, int f) {
        double sum = 0;
        int crossings = 0;
        for (int i = start; i < start + SpeechSignal.WINDOW; i++) {
            sum += x[i] * (double) x[i];
            if (i > start && (x[i] >= 0) != (x[i - 1] >= 0)) {
                crossings++;
            }
        }
        power[f] = toDb(sum / SpeechSignal.WINDOW);
        zcr[f] = crossings / (double) (SpeechSignal.WINDOW - 1);
    }

    static double toDb(double meanSquare) {
        return Math.max(FLOOR_DB, 10 * Math.log10(meanSquare));
    }

    static double toPower(double db) {
        return Math.pow(10, db / 10);
    }
}
