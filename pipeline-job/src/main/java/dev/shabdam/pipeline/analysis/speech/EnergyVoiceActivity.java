package dev.shabdam.pipeline.analysis.speech;

import java.util.Arrays;

/**
 * A voice activity detector from frame level and zero-crossing rate against an adaptive noise floor.
 *
 * <p>The floor starts at the 10th percentile of the frame levels, then follows the signal: it drops
 * quickly to any quieter frame and creeps up by {@value #FLOOR_RISE_DB_PER_SEC} dB/s otherwise, so
 * it tracks noise that changes (a fan starting) without rising into continuous speech. Digitally
 * silent frames (at the {@link FrameLevels#FLOOR_DB} floor, e.g. zero padding) do not move it, and it
 * never drops below the quietest 1 % of the audible frames: one fade-in frame at −110 dB would
 * otherwise leave it far below the room's real noise for minutes.
 * A frame is speech when it is at least {@value #MIN_SPEECH_DB} dBFS and
 * <ul>
 *   <li>{@value #SPEECH_MARGIN_DB} dB above the floor, or</li>
 *   <li>{@value #WEAK_MARGIN_DB} dB above the floor with a zero-crossing rate under
 *       {@value #VOICED_MAX_ZCR} (quiet voiced sounds: weak vowels, nasals; noise crosses zero far
 *       more often),</li>
 * </ul>
 * and speech is held {@value #HANGOVER_FRAMES} frames after it ends (word tails decay into the floor).
 *
 * <p>Limit: a recording with no level variation at all (a steady tone or steady noise from start to
 * end) has nothing to contrast against its floor and reads as non-speech.
 */
public final class EnergyVoiceActivity implements VoiceActivity {
    static final double MIN_SPEECH_DB = -50.0;
    static final double SPEECH_MARGIN_DB = 10.0;
    static final double WEAK_MARGIN_DB = 5.0;
    static final double VOICED_MAX_ZCR = 0.1;
    static final double FLOOR_RISE_DB_PER_SEC = 1.0;
    static final int HANGOVER_FRAMES = 5;
    private static final double FLOOR_PERCENTILE = 0.10;
    private static final double LOWEST_PERCENTILE = 0.01;

    @Override
    public boolean[] speechFrames(FrameLevels levels) {
        double[] power = levels.powerDb();
        boolean[] speech = new boolean[power.length];
        if (power.length == 0) {
            return speech;
        }
        double[] audible = Arrays.stream(power)
                .filter(p -> p > FrameLevels.FLOOR_DB)
                .sorted()
                .toArray();
        if (audible.length == 0) {
            return speech;
        }
        double floor = audible[(int) (FLOOR_PERCENTILE * (audible.length - 1))];
        double lowest = audible[(int) (LOWEST_PERCENTILE * (audible.length - 1))];
        double risePerFrame = FLOOR_RISE_DB_PER_SEC * SpeechSignal.HOP / SpeechSignal.RATE;
        int hangover = 0;
        for (int f = 0; f < power.length; f++) {
            double p = power[f];
            if (p > FrameLevels.FLOOR_DB) {
                floor = p < floor ? Math.max(lowest, 0.5 * (floor + p)) : Math.min(p, floor + risePerFrame);
            }
            boolean loud = p >= floor + SPEECH_MARGIN_DB;
            boolean weakVoiced = p >= floor + WEAK_MARGIN_DB && levels.zeroCrossingRate()[f] < VOICED_MAX_ZCR;
            if (p >= MIN_SPEECH_DB && (loud || weakVoiced)) {
                speech[f] = true;
                hangover = HANGOVER_FRAMES;
            } else if (hangover > 0) {
                speech[f] = true;
                hangover--;
            }
        }
        return speech;
    }
}
