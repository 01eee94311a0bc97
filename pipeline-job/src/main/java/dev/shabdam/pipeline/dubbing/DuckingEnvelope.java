package dev.shabdam.pipeline.dubbing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The gain that lowers the original track under the dub: {@code depth} (linear) throughout each
 * dubbed span, 1 elsewhere, with raised-cosine ramps just outside each span so the original is
 * already fully down when the dub starts and only comes back after it ends. Spans closer than two
 * ramps are merged: the gain stays down rather than bobbing up between close lines. Evaluated block
 * by block, so no array as long as the media is ever made.
 */
final class DuckingEnvelope {
    /** A dubbed stretch in frames, [from, to). */
    record Span(long from, long to) {}

    private final List<Span> spans;
    private final int ramp;
    private final float depth;

    DuckingEnvelope(List<Span> dubbed, int rampFrames, double depth) {
        this.ramp = rampFrames;
        this.depth = (float) depth;
        this.spans = new ArrayList<>();
        List<Span> sorted =
                dubbed.stream().sorted(Comparator.comparingLong(Span::from)).toList();
        for (Span span : sorted) {
            Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && span.from() - ramp < last.to() + ramp) {
                spans.set(spans.size() - 1, new Span(last.from(), Math.max(last.to(), span.to())));
            } else {
                spans.add(span);
            }
        }
    }

    /** Writes the gain of frames {@code [first, first + gains.length)} into {@code gains}. */
    void fill(float[] gains, long first) {
        Arrays.fill(gains, 1f);
        long last = first + gains.length;
        for (Span span : spans) {
            long from = Math.max(first, span.from() - ramp);
            long to = Math.min(last, span.to() + ramp);
            for (long i = from; i < to; i++) {
                gains[(int) (i - first)] = gain(span, i);
            }
        }
    }

    private float gain(Span span, long frame) {
        double down; // 0 = untouched, 1 = fully ducked
        if (frame < span.from()) {
            down = raisedCosine((frame - (span.from() - ramp)) / (double) ramp);
        } else if (frame >= span.to()) {
            down = raisedCosine((span.to() + ramp - frame) / (double) ramp);
        } else {
            down = 1;
        }
        return (float) (1 - (1 - depth) * down);
    }

    private static double raisedCosine(double t) {
        return 0.5 - 0.5 * Math.cos(Math.PI * t);
    }
}
