package dev.shabdam.speech.text;

import dev.shabdam.speech.SynthesisException;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns user text into exactly what the engine will say (see {@code POST /voice/normalize}):
 * NFC with atomic chillus, then numbers, dates, times, money, units, phones, abbreviations,
 * URLs and e-mail addresses written out in words of the language, then split into sentences
 * and language segments. The word tables are read once, at construction; the instance is
 * immutable and safe to share between threads.
 */
public final class TextNormalizer {

    /** The API's limit on one generation request's text (API.md), in code points. */
    public static final int MAX_CHARS = 5_000;

    private final Map<Language, RuleBook> ruleBooks = new EnumMap<>(Language.class);

    private TextNormalizer() {
        for (Language language : Language.values()) {
            ruleBooks.put(language, new RuleBook(Lexicon.load(language)));
        }
    }

    /** Loads the tables under {@code synthesis/<lang>/} from the classpath. */
    public static TextNormalizer fromClasspath() {
        return new TextNormalizer();
    }

    public NormalizedText normalize(String text, Language language) {
        String normalized = expand(text, language);
        List<String> sentences = SentenceSplitter.split(normalized);
        return new NormalizedText(normalized, sentences, LanguageSegmenter.segments(normalized, language));
    }

    /** Normalises without splitting; the SSML renderer uses it for each text run. */
    public String expand(String text, Language language) {
        requireSpeakable(text);
        return ruleBooks.get(language).apply(ScriptNormalizer.normalize(text));
    }

    /**
     * SSML {@code <say-as>}: {@code characters} spells letters and digits, {@code telephone}
     * reads digit by digit, {@code cardinal} and {@code date} run the ordinary rules (which read
     * numbers and dd/mm/yyyy dates). Unknown kinds are rejected by the SSML parser before this.
     */
    public String sayAs(String text, String interpretAs, Language language) {
        RuleBook rules = ruleBooks.get(language);
        String script = ScriptNormalizer.normalize(text.strip());
        return switch (interpretAs) {
            case "characters" -> rules.spell(script);
            case "telephone" -> rules.telephone(script);
            case "cardinal", "date" -> rules.apply(script);
            default ->
                throw new SynthesisException(
                        SynthesisException.Code.INVALID_SSML,
                        "Unsupported say-as interpret-as=\"" + interpretAs + "\"");
        };
    }

    private static void requireSpeakable(String text) {
        if (text == null || text.isBlank()) {
            throw new SynthesisException(SynthesisException.Code.EMPTY_TEXT, "Text is empty");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_CHARS) {
            throw new SynthesisException(
                    SynthesisException.Code.TEXT_TOO_LONG,
                    "Text has " + length + " characters; the limit is " + MAX_CHARS);
        }
    }
}
