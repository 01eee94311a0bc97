package dev.shabdam.speech.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits normalised text into sentences at . ? ! । ॥ and at line breaks, keeping the
 * terminator with its sentence. It runs after normalisation, so known abbreviations and
 * decimals have no dots left; as a second guard it does not split after a single capital
 * letter (initials: "A. R. Rahman"), inside a number ("3.5"), or before a lower-case letter.
 */
public final class SentenceSplitter {

    private SentenceSplitter() {}

    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                flush(current, sentences);
                continue;
            }
            current.append(c);
            if (isTerminator(c) && endsSentence(text, i)) {
                // Swallow a run of terminators and closing quotes: "ശരിയോ?!" or "done."
                while (i + 1 < text.length() && (isTerminator(text.charAt(i + 1)) || isClosing(text.charAt(i + 1)))) {
                    current.append(text.charAt(++i));
                }
                flush(current, sentences);
            }
        }
        flush(current, sentences);
        return sentences;
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '?' || c == '!' || c == '\u0964' || c == '\u0965';
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == ')' || c == '\u201D' || c == '\u2019';
    }

    private static boolean endsSentence(String text, int at) {
        if (text.charAt(at) != '.') {
            return true;
        }
        boolean digitBefore = at > 0 && Character.isDigit(text.charAt(at - 1));
        boolean digitAfter = at + 1 < text.length() && Character.isDigit(text.charAt(at + 1));
        if (digitBefore && digitAfter) {
            return false;
        }
        boolean initial = at > 0
                && Character.isUpperCase(text.charAt(at - 1))
                && (at == 1 || !Character.isLetter(text.charAt(at - 2)));
        if (initial) {
            return false;
        }
        int next = at + 1;
        while (next < text.length() && text.charAt(next) == ' ') {
            next++;
        }
        return next >= text.length() || !Character.isLowerCase(text.charAt(next));
    }

    private static void flush(StringBuilder current, List<String> sentences) {
        String sentence = current.toString().strip();
        if (!sentence.isEmpty()) {
            sentences.add(sentence);
        }
        current.setLength(0);
    }
}
