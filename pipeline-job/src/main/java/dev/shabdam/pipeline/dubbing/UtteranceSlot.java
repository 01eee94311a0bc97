package dev.shabdam.pipeline.dubbing;

/**
 * Where one utterance may be spoken: its original interval and the start of the next utterance
 * (or the end of the media), the far limit of any silence it may borrow.
 */
public record UtteranceSlot(long startMs, long endMs, long nextStartMs) {
    public UtteranceSlot {
        if (startMs < 0 || endMs <= startMs || nextStartMs < endMs) {
            throw new IllegalArgumentException("a slot needs 0 <= start < end <= next start: "
                    + startMs + ", " + endMs + ", " + nextStartMs);
        }
    }

    public long lengthMs() {
        return endMs - startMs;
    }
}
