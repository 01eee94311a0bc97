package dev.shabdam.speech.subtitles;

/**
 * One subtitle cue: what is said between two instants, with tags already stripped.
 *
 * @param index   the SRT cue number, or the cue's position (1-based) in a WebVTT file, whose
 *                identifiers are optional free text
 * @param text    the cue's lines joined by {@code \n}
 * @param speaker the name of a WebVTT voice tag ({@code <v Name>}); null where the cue names none
 */
public record Cue(int index, long startMs, long endMs, String text, String speaker) {
    public Cue {
        if (startMs < 0 || endMs <= startMs) {
            throw new IllegalArgumentException("cue " + index + " needs 0 <= start < end: " + startMs + ", " + endMs);
        }
        if (text == null) {
            throw new IllegalArgumentException("cue " + index + " has no text");
        }
    }
}
