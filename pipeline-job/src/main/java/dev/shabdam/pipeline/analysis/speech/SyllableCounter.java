package dev.shabdam.pipeline.analysis.speech;

import dev.shabdam.pipeline.analysis.dsp.MovingAverage;
import dev.shabdam.pipeline.analysis.pitch.PitchTrack;

import java.util.Arrays;

/**
 * Speaking rate after de Jong &amp; Wempe (2009): syllable nuclei are peaks of the intensity contour
 * that stand out and are voiced. Here a nucleus is a local maximum of the frame level (smoothed over
 * 3 frames) that
 * <ul>
 *   <li>is in speech and voiced (F0 found within ±{@value #VOICING_REACH_FRAMES} frames),</li>
 *   <li>is no quieter than the median level of the speech frames,</li>
 *   <li>rises at least {@value #MIN_DIP_DB} dB above the dip that separates it from the previous
 *       nucleus (else the two are one nucleus, and the louder peak stands for it).</li>
 * </ul>
 * The rate is nuclei per second of speaking time: speech frames plus the pauses between them shorter
 * than {@value #MAX_BRIDGED_PAUSE_SEC} s (the gaps between syllables), so long pauses do not count.
 */
public final class SyllableCounter {
    static final double MIN_DIP_DB = 2.0;
    static final int VOICING_REACH_FRAMES = 2;
    static final double MAX_BRIDGED_PAUSE_SEC = 0.3;

    public SpeakingRate rate(FrameLevels levels, boolean[] speech, PitchTrack pitch) {
        double speakingSec = speakingSeconds(speech);
        if (speakingSec <= 0) {
            return new SpeakingRate(null);
        }
        return new SpeakingRate(nuclei(levels.powerDb(), speech, pitch) / speakingSec);
    }

    int nuclei(double[] powerDb, boolean[] speech, PitchTrack pitch) {
        double[] level = MovingAverage.of(powerDb, 1);
        double threshold = medianOfSpeech(level, speech);
        int count = 0;
        double lastPeak = Double.NaN;
        double dipSinceLast = Double.POSITIVE_INFINITY;
        for (int f = 1; f + 1 < level.length; f++) {
            dipSinceLast = Math.min(dipSinceLast, level[f]);
            boolean peak = level[f] > level[f - 1] && level[f] >= level[f + 1];
            if (!peak || !speech[f] || level[f] < threshold || !voicedNear(pitch, f)) {
                continue;
            }
            if (Double.isNaN(lastPeak)
                    || level[f] - dipSinceLast >= MIN_DIP_DB && lastPeak - dipSinceLast >= MIN_DIP_DB) {
                count++;
                lastPeak = level[f];
                dipSinceLast = level[f];
            } else if (level[f] > lastPeak) {
                // no real dip in between: the same nucleus, now represented by its louder peak
                lastPeak = level[f];
                dipSinceLast = level[f];
            }
        }
        return count;
    }

    private static double medianOfSpeech(double[] level, boolean[] speech) {
        double[] values = new double[level.length];
        int n = 0;
        for (int f = 0; f < level.length; f++) {
            if (speech[f]) {
                values[n++] = level[f];
            }
        }
        if (n == 0) {
            return Double.POSITIVE_INFINITY;
        }
        Arrays.sort(values, 0, n);
        return values[n / 2];
    }

    private static boolean voicedNear(PitchTrack pitch, int frame) {
        for (int k = frame - VOICING_REACH_FRAMES; k <= frame + VOICING_REACH_FRAMES; k++) {
            if (pitch.voiced(k)) {
                return true;
            }
        }
        return false;
    }

    /** Speech frames plus the short pauses between them, in seconds. */
    static double speakingSeconds(boolean[] speech) {
        int maxGap = (int) Math.round(MAX_BRIDGED_PAUSE_SEC * SpeechSignal.RATE / SpeechSignal.HOP);
        int frames = 0;
        int lastSpeech = -1;
        for (int f = 0; f < speech.length; f++) {
            if (!speech[f]) {
                continue;
            }
            int gap = lastSpeech < 0 ? 0 : f - lastSpeech - 1;
            frames += 1 + (gap > 0 && gap < maxGap ? gap : 0);
            lastSpeech = f;
        }
        return SpeechSignal.frameSeconds(frames);
    }
}
