package dev.shabdam.speech.subtitles;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SRT and WebVTT subtitles, told apart by content (a WebVTT file starts with {@code WEBVTT}),
 * strictly: a file the dub would be timed by must not be guessed at. UTF-8 (an optional byte-order
 * mark is skipped), CRLF, LF or CR line ends.
 *
 * <p>SRT: blocks of a cue number (a whole number greater than the one before), a timing line
 * {@code HH:MM:SS,mmm --> HH:MM:SS,mmm} and one or more text lines, separated by blank lines.
 * WebVTT: the {@code WEBVTT} line and its header, then cues (an optional identifier, a timing line
 * {@code [HH:]MM:SS.mmm --> [HH:]MM:SS.mmm} with optional cue settings, which are ignored, and the
 * text) and {@code NOTE}, {@code STYLE} and {@code REGION} blocks, which are skipped.
 *
 * <p>In both, every cue ends after it starts, and starts no earlier than the cue before it ends:
 * there is no tolerance for overlap, because each cue becomes a dubbing slot and two voices must
 * not speak over each other. (WebVTT itself allows overlapping cues; a file with them is refused
 * here with the line of the first overlap.) Tags are stripped and the voice name kept ({@link CueText}).
 *
 * <p>Limits: at most {@value #MAX_CUES} cues (a four-hour film, the longest media a job takes, has
 * four to six thousand) of at most {@value #MAX_CUE_CHARS} characters each (a cue is a line someone
 * speaks in its slot; a thousand characters is over a minute of speech), so a file made to exhaust
 * the job is refused at upload with the line where it goes wrong.
 */
public final class SubtitleParser {
    public static final int MAX_CUES = 10_000;
    public static final int MAX_CUE_CHARS = 1_000;

    private static final Pattern TIMING = Pattern.compile("\\s*(\\S+)\\s+-->\\s+(\\S+)(.*)");
    private static final Pattern CUE_NUMBER = Pattern.compile("\\d{1,9}");
    private static final Pattern VTT_SIGNATURE = Pattern.compile("WEBVTT(?:[ \\t].*)?");
    private static final Pattern VTT_SKIPPED_BLOCK = Pattern.compile("(?:NOTE|STYLE|REGION)(?:[ \\t].*)?");

    private SubtitleParser() {}

    public static List<Cue> parse(byte[] utf8) throws SubtitleFormatException {
        return parse(decode(utf8));
    }

    public static List<Cue> parse(String text) throws SubtitleFormatException {
        String[] lines = withoutBom(text).split("\r\n|\r|\n", -1);
        return isWebVtt(text) ? parseVtt(lines) : parseSrt(lines);
    }

    /** Whether {@code text} is read as WebVTT (it starts with {@code WEBVTT}, after a byte-order mark); else SRT. */
    public static boolean isWebVtt(String text) {
        return withoutBom(text).startsWith("WEBVTT");
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static List<Cue> parseSrt(String[] lines) throws SubtitleFormatException {
        List<Cue> cues = new ArrayList<>();
        int i = skipBlank(lines, 0);
        if (i == lines.length) {
            throw new SubtitleFormatException(1, "no cues: the file is empty");
        }
        int previousNumber = -1;
        while (i < lines.length) {
            String numberLine = lines[i].strip();
            if (!CUE_NUMBER.matcher(numberLine).matches()) {
                throw new SubtitleFormatException(i + 1, "expected a cue number, found '" + excerpt(numberLine) + "'");
            }
            int number = Integer.parseInt(numberLine);
            if (number <= previousNumber) {
                throw new SubtitleFormatException(i + 1, "cue number " + number + " does not follow " + previousNumber);
            }
            previousNumber = number;
            i = skipBlank(lines, readCue(lines, i + 1, number, SubtitleTime.SRT, cues));
        }
        return cues;
    }

    private static List<Cue> parseVtt(String[] lines) throws SubtitleFormatException {
        if (!VTT_SIGNATURE.matcher(lines[0]).matches()) {
            throw new SubtitleFormatException(
                    1, "a WebVTT file starts with a line 'WEBVTT', found '" + excerpt(lines[0]) + "'");
        }
        int i = 1;
        for (; i < lines.length && !lines[i].isBlank(); i++) {
            if (lines[i].contains("-->")) {
                throw new SubtitleFormatException(
                        i + 1, "a cue inside the header: a blank line is missing after 'WEBVTT'");
            }
        }
        List<Cue> cues = new ArrayList<>();
        for (i = skipBlank(lines, i); i < lines.length; i = skipBlank(lines, i)) {
            if (VTT_SKIPPED_BLOCK.matcher(lines[i]).matches()) {
                while (i < lines.length && !lines[i].isBlank()) {
                    i++;
                }
                continue;
            }
            if (!lines[i].contains("-->")) { // an identifier, which must be followed by the timing line
                i++;
                if (i == lines.length || lines[i].isBlank()) {
                    throw new SubtitleFormatException(
                            i,
                            "'" + excerpt(lines[i - 1]) + "' is neither a cue nor a NOTE: no timing line follows it");
                }
            }
            i = readCue(lines, i, cues.size() + 1, SubtitleTime.VTT, cues);
        }
        if (cues.isEmpty()) {
            throw new SubtitleFormatException(lines.length, "no cues after the WebVTT header");
        }
        return cues;
    }

    /** Reads the timing line at {@code i} and the text under it into {@code cues}; returns the line after the text. */
    private static int readCue(String[] lines, int i, int index, SubtitleTime time, List<Cue> cues)
            throws SubtitleFormatException {
        if (i == lines.length || lines[i].isBlank()) {
            throw new SubtitleFormatException(i + 1, "cue " + index + " has no timing line");
        }
        int timingLine = i + 1;
        Matcher timing = TIMING.matcher(lines[i]);
        if (!timing.matches()) {
            throw new SubtitleFormatException(
                    timingLine,
                    "expected a timing line '" + time.shape + " --> " + time.shape + "', found '" + excerpt(lines[i])
                            + "'");
        }
        long start = timestamp(timing.group(1), time, timingLine);
        long end = timestamp(timing.group(2), time, timingLine);
        String rest = timing.group(3);
        if (time == SubtitleTime.SRT ? !rest.isBlank() : !rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) {
            throw new SubtitleFormatException(
                    timingLine, "unexpected '" + excerpt(rest.strip()) + "' after the end time");
        }
        if (end <= start) {
            throw new SubtitleFormatException(
                    timingLine,
                    "end " + time.format(end) + " is " + (end == start ? "the same as" : "before") + " start "
                            + time.format(start));
        }
        if (!cues.isEmpty() && start < cues.get(cues.size() - 1).endMs()) {
            Cue previous = cues.get(cues.size() - 1);
            throw new SubtitleFormatException(
                    timingLine,
                    "cue " + index + " starts at " + time.format(start) + ", before cue " + previous.index()
                            + " ends at " + time.format(previous.endMs()));
        }
        List<String> text = new ArrayList<>();
        for (i++; i < lines.length && !lines[i].isBlank(); i++) {
            if (TIMING.matcher(lines[i]).matches()) {
                throw new SubtitleFormatException(
                        i + 1,
                        "a timing line inside the text of cue " + index
                                + ": the blank line before the next cue is missing");
            }
            text.add(lines[i]);
        }
        if (text.isEmpty()) {
            throw new SubtitleFormatException(timingLine + 1, "cue " + index + " has no text");
        }
        CueText words = CueText.of(text);
        if (words.text().length() > MAX_CUE_CHARS) {
            throw new SubtitleFormatException(
                    timingLine + 1,
                    "cue " + index + " has " + words.text().length() + " characters; the limit is " + MAX_CUE_CHARS);
        }
        if (cues.size() == MAX_CUES) {
            throw new SubtitleFormatException(timingLine, "more than " + MAX_CUES + " cues");
        }
        cues.add(new Cue(index, start, end, words.text(), words.speaker()));
        return i;
    }

    private static long timestamp(String token, SubtitleTime time, int line) throws SubtitleFormatException {
        long ms = time.parse(token);
        if (ms < 0) {
            throw new SubtitleFormatException(line, "'" + excerpt(token) + "' is not a timestamp " + time.shape);
        }
        return ms;
    }

    private static int skipBlank(String[] lines, int i) {
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        return i;
    }

    private static String excerpt(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /** Strict UTF-8: a file in another encoding is refused at the line of its first foreign byte. */
    private static String decode(byte[] bytes) throws SubtitleFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int k = 0; k < in.position(); k++) {
                line += bytes[k] == '\n' ? 1 : 0;
            }
            throw new SubtitleFormatException(
                    line, "not UTF-8 text (byte " + in.position() + "); save the subtitles as UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
