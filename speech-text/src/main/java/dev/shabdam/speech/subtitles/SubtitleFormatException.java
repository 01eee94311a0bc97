package dev.shabdam.speech.subtitles;

/**
 * A subtitle file that cannot be read strictly. The message starts with the 1-based line number
 * ("line 7: end 00:00:03,000 is before start 00:00:04,000") so that a user can go and fix it.
 */
public class SubtitleFormatException extends Exception {
    private final int line;

    public SubtitleFormatException(int line, String sentence) {
        super("line " + line + ": " + sentence);
        this.line = line;
    }

    /** The 1-based line the problem was found on. */
    public int line() {
        return line;
    }
}
