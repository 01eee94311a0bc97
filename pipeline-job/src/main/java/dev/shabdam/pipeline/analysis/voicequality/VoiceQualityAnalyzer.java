package dev.shabdam.pipeline.analysis.voicequality;

import dev.shabdam.pipeline.analysis.pitch.PitchTrack;
import dev.shabdam.pipeline.analysis.pitch.PitchTracker;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;
import dev.shabdam.pipeline.media.MonoTrack;

/**
 * Jitter, shimmer and HNR from the voiced runs of a pitch track.
 *
 * <p>Periods come from glottal pulse marks, found the way Praat's "To PointProcess (peaks)" does:
 * in each voiced run, start at the run's largest peak (of the polarity with the larger excursion),
 * then step one local period (from the F0 track) forwards and backwards and take the largest peak
 * within ±{@value #SEARCH_FRACTION} of a period of where the next pulse is due. Peak positions and
 * heights are refined by parabolic interpolation, so periods are not quantised to whole samples.
 * A pair of consecutive periods counts only when the two differ by less than a factor
 * {@value #MAX_PERIOD_FACTOR} (Praat's default), which keeps a missed pulse from reading as jitter.
 *
 * <p>The samples come from a {@link MonoTrack}, one run at a time, so a long recording's track can
 * stay on disk. A run longer than {@value #MAX_RUN_FRAMES} frames (no speech holds a voice that long;
 * a steady hum can) is marked in pieces of that length, which keeps what is read at once bounded.
 */
public final class VoiceQualityAnalyzer {
    static final double SEARCH_FRACTION = 0.2;
    static final double MAX_PERIOD_FACTOR = 1.3;
    /** r is capped below 1 so that a perfectly periodic frame reads 60 dB instead of infinity. */
    static final double MAX_CORRELATION = 1 - 1e-6;
    /** 30 s. */
    static final int MAX_RUN_FRAMES = 3000;

    private static final int MIN_PULSES = 3;

    public VoiceQuality measure(SpeechSignal signal, PitchTrack pitch) {
        return measure(MonoTrack.of(signal.samples()), pitch);
    }

    /** @param track the 16 kHz track the pitch was tracked on */
    public VoiceQuality measure(MonoTrack track, PitchTrack pitch) {
        PulseStatistics stats = new PulseStatistics();
        double[] f0 = pitch.f0Hz();
        PitchTrack.forEachVoicedRun(f0, (from, to) -> {
            for (int piece = from; piece < to; piece += MAX_RUN_FRAMES) {
                markRun(track, f0, piece, Math.min(to, piece + MAX_RUN_FRAMES), stats);
            }
        });
        return new VoiceQuality(stats.jitterPercent(), stats.shimmerPercent(), meanHnr(pitch));
    }

    /** Samples {@code [first, first + x.length)} of a track of {@code length} samples. */
    private record Stretch(float[] x, int first, int length) {
        /** Reads what a run's marks can reach: its frames and one sample either side, where the track has them. */
        static Stretch of(MonoTrack track, int start, int end) {
            int first = Math.max(0, start - 1);
            int last = Math.min(track.length(), end + 1);
            return new Stretch(track.read(first, last - first), first, track.length());
        }

        float at(int i) {
            return x[i - first];
        }
    }

    private static Double meanHnr(PitchTrack pitch) {
        double sum = 0;
        int n = 0;
        for (int f = 0; f < pitch.f0Hz().length; f++) {
            if (pitch.voiced(f)) {
                double r = Math.max(1e-6, Math.min(MAX_CORRELATION, pitch.correlation()[f]));
                sum += 10 * Math.log10(r / (1 - r));
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    /** Marks pulses in frames [from, to) of a voiced run and feeds their periods and heights to the statistics. */
    private static void markRun(MonoTrack track, double[] f0, int from, int to, PulseStatistics stats) {
        int start = from * SpeechSignal.HOP;
        int end = Math.min(track.length(), (to - 1) * SpeechSignal.HOP + SpeechSignal.WINDOW);
        Stretch x = Stretch.of(track, start, end);
        double sign = polarity(x, start, end);
        int anchor = start;
        for (int i = start; i < end; i++) {
            if (sign * x.at(i) > sign * x.at(anchor)) {
                anchor = i;
            }
        }
        int capacity = (int) ((end - start) * PitchTracker.MAX_HZ / SpeechSignal.RATE) + 4;
        double[] anchorMark = refine(x, anchor, sign);
        // backwards from the anchor (nearest first), then put in time order and continue forwards
        double[] backTimes = new double[capacity];
        double[] backHeights = new double[capacity];
        int back = walk(x, f0, start, end, sign, anchorMark[0], -1, backTimes, backHeights, 0);
        double[] times = new double[2 * capacity + 1];
        double[] heights = new double[2 * capacity + 1];
        int n = 0;
        for (int k = back - 1; k >= 0; k--) {
            times[n] = backTimes[k];
            heights[n++] = backHeights[k];
        }
        times[n] = anchorMark[0];
        heights[n++] = anchorMark[1];
        n += walk(x, f0, start, end, sign, anchorMark[0], +1, times, heights, n);
        if (n >= MIN_PULSES) {
            stats.addRun(times, heights, n);
        }
    }

    /** Steps pulse to pulse from {@code position} in one direction, writing marks from index {@code at}; returns how many. */
    private static int walk(
            Stretch x,
            double[] f0,
            int start,
            int end,
            double sign,
            double position,
            int direction,
            double[] times,
            double[] heights,
            int at) {
        int written = 0;
        while (at + written < times.length) {
            double period = SpeechSignal.RATE / localF0(f0, position);
            double due = position + direction * period;
            int lo = (int) Math.ceil(due - SEARCH_FRACTION * period);
            int hi = (int) Math.floor(due + SEARCH_FRACTION * period);
            if (lo < start + 1 || hi > end - 2) {
                break;
            }
            int best = lo;
            for (int i = lo; i <= hi; i++) {
                if (sign * x.at(i) > sign * x.at(best)) {
                    best = i;
                }
            }
            double[] mark = refine(x, best, sign);
            times[at + written] = mark[0];
            heights[at + written] = mark[1];
            position = mark[0];
            written++;
        }
        return written;
    }

    private static double localF0(double[] f0, double samplePosition) {
        int frame = (int) Math.round((samplePosition - SpeechSignal.WINDOW / 2.0) / SpeechSignal.HOP);
        frame = Math.max(0, Math.min(f0.length - 1, frame));
        // the run's edges can sit a frame beyond the last voiced one; look inwards for an estimate
        for (int reach = 0; reach < f0.length; reach++) {
            if (frame - reach >= 0 && f0[frame - reach] > 0) {
                return f0[frame - reach];
            }
            if (frame + reach < f0.length && f0[frame + reach] > 0) {
                return f0[frame + reach];
            }
        }
        return PitchTracker.MIN_HZ;
    }

    /** {position, height} of the parabola through the peak sample and its neighbours. */
    private static double[] refine(Stretch x, int i, double sign) {
        if (i <= 0 || i >= x.length() - 1) {
            return new double[] {i, sign * x.at(i)};
        }
        double left = sign * x.at(i - 1), centre = sign * x.at(i), right = sign * x.at(i + 1);
        double shift = PitchTracker.parabolicShift(-left, -centre, -right);
        double height = centre - 0.25 * (left - right) * shift;
        return new double[] {i + shift, height};
    }

    /** +1 when the run's positive peaks are the larger, −1 otherwise (glottal pulses point one way). */
    private static double polarity(Stretch x, int start, int end) {
        float max = 0, min = 0;
        for (int i = start; i < end; i++) {
            max = Math.max(max, x.at(i));
            min = Math.min(min, x.at(i));
        }
        return max >= -min ? 1.0 : -1.0;
    }

    /** Sums over all runs, so that long runs weigh by their number of periods. */
    private static final class PulseStatistics {
        private double periodDiffSum, periodSum, heightDiffSum, heightSum;
        private int periodPairs, periods, heightPairs, heightCount;

        void addRun(double[] times, double[] heights, int n) {
            for (int k = 1; k < n; k++) {
                double period = times[k] - times[k - 1];
                periodSum += period;
                periods++;
                heightSum += heights[k - 1];
                heightCount++;
                if (k >= 2) {
                    double previous = times[k - 1] - times[k - 2];
                    double ratio = Math.max(period, previous) / Math.min(period, previous);
                    if (ratio < MAX_PERIOD_FACTOR) {
                        periodDiffSum += Math.abs(period - previous);
                        periodPairs++;
                        heightDiffSum += Math.abs(heights[k - 1] - heights[k - 2]);
                        heightPairs++;
                    }
                }
            }
        }

        Double jitterPercent() {
            return periodPairs == 0 ? null : 100 * (periodDiffSum / periodPairs) / (periodSum / periods);
        }

        Double shimmerPercent() {
            return heightPairs == 0 ? null : 100 * (heightDiffSum / heightPairs) / (heightSum / heightCount);
        }
    }
}
