package dev.shabdam.pipeline.dubbing;

import dev.shabdam.pipeline.synthesis.audio.Audio;

/** What the fitter decided for one synthesised line: audio placed in its slot, or a request to synthesise again. */
public sealed interface Fit {

    /** How a fitted line was made to fill its slot. */
    enum Strategy {
        /** It fitted as synthesised (or within the tolerance); silence fills the rest of the slot. */
        PAD,
        /** Time-stretched (WSOLA, pitch kept) within the bounds to end at the slot end. */
        STRETCH,
        /** Runs past the slot end into the silence before the next line, stretched at most to the comfortable rate. */
        BORROW,
        /** Nothing else fitted: stretched past the bounds so as not to run into the next line. Worth a look. */
        OVERSTRETCH
    }

    /**
     * The line as it will be heard: {@code audio} starts at {@code startMs} and lasts exactly
     * until {@code endMs} (trailing silence included).
     *
     * @param rate the time-stretch applied (1 = none, 1.1 = 10 % faster)
     */
    record Fitted(Audio audio, long startMs, long endMs, double rate, Strategy strategy) implements Fit {}

    /**
     * Synthesise the line again, {@code speed} times as fast as the audio that was given: an
     * engine speaking faster sounds more natural than the same speech stretched afterwards. Fit
     * the new audio with re-synthesis no longer allowed.
     */
    record Resynthesize(double speed, String reason) implements Fit {}
}
