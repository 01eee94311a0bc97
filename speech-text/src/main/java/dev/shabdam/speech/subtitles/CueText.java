package dev.shabdam.speech.subtitles;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a cue without markup: what is handed to translation and synthesis. Removes HTML-like
 * tags ({@code <i>}, {@code <font …>}, WebVTT's {@code <c.x>}, {@code <00:00:01.000>}), SubStation
 * overrides that some SRT files carry ({@code {\an8}}) and the common character references, and
 * keeps the name of the first WebVTT voice tag ({@code <v Name>} or {@code <v.loud Name>}): the
 * speaker decides which voice profile speaks the line.
 */
record CueText(String text, String speaker) {
    private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^\\s>]*)?\\s+([^>]*)>");
    private static final Pattern MARKUP = Pattern.compile("<[^>]*>|\\{\\\\[^}]*}");
    private static final String[][] REFERENCES = {
        {"&lt;", "<"},
        {"&gt;", ">"},
        {"&nbsp;", " "},
        {"&lrm;", ""},
        {"&rlm;", ""},
        {"&quot;", "\""},
        {"&apos;", "'"},
        {"&amp;", "&"}, // &amp; last, so "&amp;lt;" stays "&lt;"
    };

    static CueText of(List<String> lines) {
        String speaker = null;
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            Matcher voice = VOICE.matcher(line);
            if (speaker == null && voice.find() && !voice.group(1).isBlank()) {
                speaker = voice.group(1).strip();
            }
            String plain = MARKUP.matcher(line).replaceAll("");
            for (String[] reference : REFERENCES) {
                plain = plain.replace(reference[0], reference[1]);
            }
            if (!plain.isBlank()) {
                kept.add(plain.strip());
            }
        }
        return new CueText(String.join("\n", kept), speaker);
    }
}
