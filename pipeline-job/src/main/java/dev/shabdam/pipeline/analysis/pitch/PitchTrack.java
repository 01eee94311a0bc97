package dev.shabdam.pipeline.analysis.pitch;

import dev.shabdam.pipeline.analysis.speech.SpeechSignal;

/**
 * Fundamental frequency per 10 ms frame of a {@link SpeechSignal}.
 *
 * @param f0Hz        the frame's F0, 0 where it is unvoiced
 * @param correlation the normalised autocorrelation at the period (0..1) of voiced frames, 0 elsewhere;
 *                    the harmonic share of the frame's energy, from which HNR follows
 */
public record PitchTrack(double[] f0Hz, double[] correlation) {
    public boolean voiced(int frame) {
        return frame >= 0 && frame < f0Hz.length && f0Hz[frame] > 0;
    }

    /** This track with every frame outside {@code keep} unvoiced (e.g. periodic hum in the pauses). */
    public PitchTrack onlyWhere(boolean[] keep) {
        double[] f0 = f0Hz.clone();
        double[] r = correlation.clone();
        for (int f = 0; f < f0.length; f++) {
            if (f >= keep.length || !keep[f]) {
                f0[f] = 0;
                r[f] = 0;
            }
        }
        return new PitchTrack(f0, r);
    }

    /** Receives one run of consecutive voiced frames, {@code [from, to)}. */
    @FunctionalInterface
    public interface RunConsumer {
        void accept(int from, int to);
    }

    /**
     * Calls {@code run} for every run of consecutive voiced frames (F0 above 0) of {@code f0Hz}, in
     * order; the callback may unvoice the frames of the run it is given.
     */
    public static void forEachVoicedRun(double[] f0Hz, RunConsumer run) {
        int runStart = -1;
        for (int f = 0; f <= f0Hz.length; f++) {
            boolean voiced = f < f0Hz.length && f0Hz[f] > 0;
            if (voiced && runStart < 0) {
                runStart = f;
            } else if (!voiced && runStart >= 0) {
                run.accept(runStart, f);
                runStart = -1;
            }
        }
    }

    public int voicedCount() {
        int n = 0;
        for (double f : f0Hz) {
            n += f > 0 ? 1 : 0;
        }
        return n;
    }
}
