package dev.shabdam.pipeline.dubbing;

/**
 * A line's time span in the media, where it may be spoken: its original interval and the start of the
 * next line (or the end of the media), the far limit of any silence it may borrow.
 */
public record Slot(long startMs, long endMs, long nextStartMs) {
    public Slot {
        if (startMs < 0 || endMs <= startMs || nextStartMs < endMs) {
            throw new IllegalArgumentException(
                    "a slot needs 0 <= start < end <= next start: " + startMs + ", " + endMs + ", " + nextStartMs);
        }
    }

    public long lengthMs() {
        return endMs - startMs;
    }
}
