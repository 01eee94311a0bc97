package dev.shabdam.pipeline.dubbing;

import dev.shabdam.pipeline.dubbing.Fit.Fitted;
import dev.shabdam.pipeline.dubbing.Fit.Resynthesize;
import dev.shabdam.pipeline.dubbing.Fit.Strategy;
import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.pipeline.synthesis.audio.TimeStretch;

import java.util.Arrays;

/**
 * The fit: makes a synthesised line fill its slot (the time span of the original line), so that the
 * dub does not drift from the picture. In order of preference, with r = speech length / slot length:
 * <ol>
 *   <li>r ≤ 1: the speech fits. It is slowed to fill the slot when that takes no more than
 *       {@code minRate} and the gap is over the tolerance, else padded with silence ({@code PAD}).</li>
 *   <li>1 &lt; r ≤ {@code comfortableRate}: WSOLA time-stretch to end at the slot end ({@code STRETCH};
 *       the pitch is kept).</li>
 *   <li>faster than that and re-synthesis allowed: {@link Resynthesize} at the speed that fits (a
 *       little more, up to {@code maxSpeechSpeed}); the caller synthesises again and fits the new
 *       audio with re-synthesis not allowed.</li>
 *   <li>otherwise borrow the silence after the slot, up to the next line's start minus the guard,
 *       stretching only as much as that room still needs ({@code BORROW}); where even
 *       {@code maxRate} does not fit the room, stretch harder rather than speak over the next
 *       line or drop words ({@code OVERSTRETCH}, for the report to flag).</li>
 * </ol>
 * The result never runs past {@code max(slot end, next start − guard)}. The input is not changed.
 */
public final class LineFitter {
    static final double RESYNTHESIS_MARGIN = 1.05;

    private final FitBounds bounds;

    public LineFitter(FitBounds bounds) {
        this.bounds = bounds;
    }

    public LineFitter() {
        this(FitBounds.DEFAULT);
    }

    public Fit fit(Slot slot, Audio speech, boolean mayResynthesize) {
        double spokenMs = speech.samples().length * 1000.0 / speech.sampleRate();
        double needed = spokenMs / slot.lengthMs();
        if (needed <= 1) {
            boolean fillsGap = needed >= bounds.minRate() && spokenMs < slot.lengthMs() - bounds.toleranceMs();
            return fitted(speech, slot.startMs(), slot.endMs(), fillsGap ? Strategy.STRETCH : Strategy.PAD);
        }
        if (needed <= bounds.comfortableRate()) {
            return fitted(speech, slot.startMs(), slot.endMs(), Strategy.STRETCH);
        }
        if (mayResynthesize) {
            // a little faster than needed: engines do not speed up exactly, and a stretch can slow what is left
            double speed = Math.min(needed * RESYNTHESIS_MARGIN, bounds.maxSpeechSpeed());
            return new Resynthesize(
                    speed,
                    String.format(
                            "%.0f ms of speech for a %d ms slot (%.2f×); synthesise at %.2f× speed",
                            spokenMs, slot.lengthMs(), needed, speed));
        }
        long roomEnd = Math.max(slot.endMs(), slot.nextStartMs() - bounds.guardMs());
        long spokenEnd = slot.startMs() + (long) Math.ceil(spokenMs);
        if (spokenEnd <= roomEnd) {
            return fitted(speech, slot.startMs(), spokenEnd, Strategy.BORROW);
        }
        double rate = spokenMs / (roomEnd - slot.startMs());
        Strategy strategy = rate > bounds.maxRate()
                ? Strategy.OVERSTRETCH
                : roomEnd > slot.endMs() ? Strategy.BORROW : Strategy.STRETCH;
        return fitted(speech, slot.startMs(), roomEnd, strategy);
    }

    /**
     * The speech placed at {@code startMs} and lasting exactly to {@code endMs}: squeezed in when it is
     * longer, slowed to fill it only for {@code STRETCH}, then padded (or cut by a rounding sample).
     */
    private static Fitted fitted(Audio speech, long startMs, long endMs, Strategy strategy) {
        int rate = speech.sampleRate();
        int frames = (int) Math.round((endMs - startMs) * rate / 1000.0);
        int input = speech.samples().length;
        boolean stretch = input > frames || strategy == Strategy.STRETCH && input != frames;
        double applied = stretch ? input / (double) frames : 1.0;
        Audio placed = stretch ? TimeStretch.byRate(speech, applied) : speech;
        return new Fitted(new Audio(Arrays.copyOf(placed.samples(), frames), rate), startMs, endMs, applied, strategy);
    }
}
