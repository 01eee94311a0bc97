package dev.shabdam.speech.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Tags runs of text with the voice that should read them.
 *
 * <p>Choice: Latin-script words inside Malayalam text (brand names, English loan phrases) are
 * kept as written and tagged {@link Language#EN}, because a Malayalam voice mangles English
 * spelling and transliterating them by rule would be worse than letting the English voice
 * read them. Malayalam script inside English text is tagged {@link Language#ML}. Spaces,
 * digits and punctuation belong to the run they follow, so the segments concatenate back to
 * the input exactly.
 */
public final class LanguageSegmenter {

    private LanguageSegmenter() {}

    public static List<Segment> segments(String text, Language base) {
        List<Segment> segments = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        Language runLanguage = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Language script = scriptOf(cp);
            if (script != null && runLanguage != null && script != runLanguage) {
                segments.add(new Segment(run.toString(), runLanguage));
                run.setLength(0);
            }
            if (script != null) {
                runLanguage = script;
            }
            run.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        if (!run.isEmpty()) {
            segments.add(new Segment(run.toString(), runLanguage == null ? base : runLanguage));
        }
        return segments;
    }

    private static Language scriptOf(int cp) {
        if (cp >= 0x0D00 && cp <= 0x0D7F) {
            return Language.ML;
        }
        return Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN
                ? Language.EN
                : null;
    }
}
