package dev.shabdam.pipeline.analysis.speech;

import java.util.Arrays;

/**
 * Signal-to-noise ratio of speech: the mean power of the speech frames (minus the noise inside them)
 * over the mean power of the non-speech frames. With fewer than {@value #MIN_NOISE_FRAMES} non-speech
 * frames (speech from start to end), the quietest {@value #QUIET_PERCENTILE}-percentile frame stands
 * for the noise. Noise under {@value #NOISE_FLOOR_DB} dBFS (digital silence between words) counts as
 * that level, so a clean synthetic recording reads about 100 dB rather than infinity.
 */
public final class SnrEstimator {
    static final int MIN_NOISE_FRAMES = 10;
    static final double QUIET_PERCENTILE = 5;
    static final double NOISE_FLOOR_DB = -100.0;

    /** SNR in dB, or null without speech. */
    public static Double snrDb(FrameLevels levels, boolean[] speech) {
        double[] power = levels.powerDb();
        double speechPower = 0, noisePower = 0;
        int speechFrames = 0, noiseFrames = 0;
        for (int f = 0; f < power.length; f++) {
            if (speech[f]) {
                speechPower += FrameLevels.toPower(power[f]);
                speechFrames++;
            } else {
                noisePower += FrameLevels.toPower(power[f]);
                noiseFrames++;
            }
        }
        if (speechFrames == 0) {
            return null;
        }
        double noise = noiseFrames >= MIN_NOISE_FRAMES ? noisePower / noiseFrames : quietest(power);
        noise = Math.max(noise, FrameLevels.toPower(NOISE_FLOOR_DB));
        double signal = Math.max(speechPower / speechFrames - noise, noise * 1e-3);
        return 10 * Math.log10(signal / noise);
    }

    private static double quietest(double[] powerDb) {
        double[] sorted = powerDb.clone();
        Arrays.sort(sorted);
        return FrameLevels.toPower(sorted[(int) (QUIET_PERCENTILE / 100 * (sorted.length - 1))]);
    }
}
