package dev.shabdam.speech.subtitles;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two subtitle timestamp dialects: SRT's {@code HH:MM:SS,mmm} and WebVTT's {@code [HH:]MM:SS.mmm}
 * (WebVTT may leave the hours out). Both are strict: two-digit minutes and seconds under 60 and
 * exactly three digits of milliseconds.
 */
public enum SubtitleTime {
    SRT(Pattern.compile("(\\d{2,}):([0-5]\\d):([0-5]\\d),(\\d{3})"), ',', "HH:MM:SS,mmm"),
    VTT(Pattern.compile("(?:(\\d{2,}):)?([0-5]\\d):([0-5]\\d)\\.(\\d{3})"), '.', "HH:MM:SS.mmm");

    private final Pattern pattern;
    private final char separator;
    final String shape;

    SubtitleTime(Pattern pattern, char separator, String shape) {
        this.pattern = pattern;
        this.separator = separator;
        this.shape = shape;
    }

    /** Milliseconds, or −1 when {@code token} is not a timestamp of this dialect. */
    long parse(String token) {
        Matcher m = pattern.matcher(token);
        if (!m.matches() || m.group(1) != null && m.group(1).length() > 6) {
            return -1;
        }
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        return ((hours * 60 + Integer.parseInt(m.group(2))) * 60 + Integer.parseInt(m.group(3))) * 1000
                + Integer.parseInt(m.group(4));
    }

    public String format(long ms) {
        return String.format(
                "%02d:%02d:%02d%c%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, separator, ms % 1000);
    }
}
