package dev.shabdam.speech.text;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canonical Malayalam script: Unicode NFC, atomic chillu letters and ASCII digits.
 *
 * <p>Before Unicode 5.1 a chillu was written consonant + virama + ZWJ; keyboards and old
 * documents still produce that. espeak-ng and the cache key must see one spelling of a word,
 * so the legacy sequence is rewritten to the atomic letter (U+0D7A–U+0D7F). Malayalam digits
 * (൦–൯) become ASCII so that one set of number rules reads both.
 */
public final class ScriptNormalizer {

    private static final char VIRAMA = '\u0D4D';
    private static final char ZWJ = '\u200D';
    private static final Map<Character, Character> CHILLU_OF = Map.of(
            '\u0D23', '\u0D7A', // ണ -> ൺ
            '\u0D28', '\u0D7B', // ന -> ൻ
            '\u0D30', '\u0D7C', // ര -> ർ
            '\u0D32', '\u0D7D', // ല -> ൽ
            '\u0D33', '\u0D7E', // ള -> ൾ
            '\u0D15', '\u0D7F'); // ക -> ൿ
    private static final Pattern LEGACY_CHILLU =
            Pattern.compile("([\u0D23\u0D28\u0D30\u0D32\u0D33\u0D15])" + VIRAMA + ZWJ);

    private ScriptNormalizer() {}

    public static String normalize(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        Matcher m = LEGACY_CHILLU.matcher(nfc);
        String atomic =
                m.replaceAll(r -> String.valueOf(CHILLU_OF.get(r.group(1).charAt(0))));
        StringBuilder out = new StringBuilder(atomic.length());
        for (int i = 0; i < atomic.length(); i++) {
            char c = atomic.charAt(i);
            out.append(c >= '\u0D66' && c <= '\u0D6F' ? (char) ('0' + (c - '\u0D66')) : c);
        }
        return out.toString();
    }
}
