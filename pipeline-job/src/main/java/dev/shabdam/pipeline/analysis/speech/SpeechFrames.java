package dev.shabdam.pipeline.analysis.speech;

import dev.shabdam.pipeline.analysis.dsp.SlidingSamples;
import dev.shabdam.pipeline.analysis.pitch.PitchTrack;
import dev.shabdam.pipeline.analysis.pitch.PitchTracker;

import java.util.Arrays;

/**
 * The per-frame measurements of a 16 kHz speech track — level and zero-crossing rate
 * ({@link FrameLevels}) and, given a {@link PitchTracker}, F0 ({@link PitchTrack}) — computed as the
 * samples come in, block by block. It keeps only the samples that the frames still to come reach
 * (under a thousand) and the per-frame results, 100 a second; each frame is computed from the same
 * samples in the same order however the track was cut, so the results do not depend on the blocks.
 */
public final class SpeechFrames {
    private final PitchTracker.Estimator pitch;
    private final SlidingSamples samples = new SlidingSamples(0);
    private int levelFrames;
    private int pitchFrames;
    private double[] power = new double[256];
    private double[] zcr = new double[256];
    private double[] f0 = new double[256];
    private double[] correlation = new double[256];
    private boolean finished;

    /** @param tracker null when only the levels are wanted */
    public SpeechFrames(PitchTracker tracker) {
        this.pitch = tracker == null ? null : tracker.estimator();
    }

    /** Takes the next samples {@code x[from, to)} and measures every frame they complete. */
    public void add(float[] x, int from, int to) {
        if (finished) {
            throw new IllegalStateException("the track has ended");
        }
        // keep from the earliest frame still to be measured
        int next = pitch == null ? levelFrames : Math.min(levelFrames, pitchFrames);
        samples.append(x, from, to, (long) next * SpeechSignal.HOP);
        float[] buffer = samples.array();
        long end = samples.end();
        while ((long) levelFrames * SpeechSignal.HOP + SpeechSignal.WINDOW <= end) {
            grow(levelFrames + 1);
            FrameLevels.measure(buffer, offset(levelFrames), power, zcr, levelFrames);
            levelFrames++;
        }
        while (pitch != null
                && pitchFrames < levelFrames
                && (long) pitchFrames * SpeechSignal.HOP + PitchTracker.SPAN <= end) {
            if (power[pitchFrames] >= PitchTracker.SILENCE_DB) {
                pitch.estimate(buffer, offset(pitchFrames), pitchFrames, f0, correlation);
            }
            pitchFrames++;
        }
    }

    /** The levels of every whole frame; the track ends here. */
    public FrameLevels levels() {
        finish();
        return new FrameLevels(power, zcr);
    }

    /**
     * The pitch of every whole frame (frames too near the end for the tracker's window are unvoiced);
     * the track ends here.
     */
    public PitchTrack pitch() {
        finish();
        return new PitchTrack(f0, correlation);
    }

    /**
     * Cuts the per-frame arrays to the frames there are, one at a time so that a long track's arrays
     * (8 MB each for three hours) are not all held twice, and drops the pitch's flukes.
     */
    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        power = Arrays.copyOf(power, levelFrames);
        zcr = Arrays.copyOf(zcr, levelFrames);
        f0 = Arrays.copyOf(f0, levelFrames);
        correlation = Arrays.copyOf(correlation, levelFrames);
        PitchTracker.dropShortRuns(f0, correlation);
    }

    private int offset(int frame) {
        return samples.offset((long) frame * SpeechSignal.HOP);
    }

    private void grow(int frames) {
        if (frames > power.length) {
            int size = Math.max(frames, power.length * 3 / 2);
            power = Arrays.copyOf(power, size);
            zcr = Arrays.copyOf(zcr, size);
            f0 = Arrays.copyOf(f0, size);
            correlation = Arrays.copyOf(correlation, size);
        }
    }
}
