package dev.shabdam.pipeline.media;

/** One stretch of speech found by voice activity detection, numbered from 0 in time order; end exclusive. */
public record Utterance(int index, long startMs, long endMs) {
    public Utterance {
        if (startMs < 0 || endMs <= startMs) {
            throw new IllegalArgumentException("an utterance needs 0 <= start < end: " + startMs + ".." + endMs);
        }
    }

    public long durationMs() {
        return endMs - startMs;
    }
}
