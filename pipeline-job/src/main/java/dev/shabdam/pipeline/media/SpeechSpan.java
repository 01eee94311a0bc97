package dev.shabdam.pipeline.media;

/**
 * A speech span: one stretch of speech found by voice activity detection, numbered from 0 in time
 * order; end exclusive. Not yet a line of a dub: transcription makes it a cue, the script a line.
 */
public record SpeechSpan(int index, long startMs, long endMs) {
    public SpeechSpan {
        if (startMs < 0 || endMs <= startMs) {
            throw new IllegalArgumentException("a speech span needs 0 <= start < end: " + startMs + ".." + endMs);
        }
    }

    public long durationMs() {
        return endMs - startMs;
    }
}
