package dev.shabdam.speech.text;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything language-specific that the normalisation rules need, read from
 * {@code synthesis/<lang>/*.tsv}. The rules themselves are shared by all languages.
 */
public record Lexicon(
        Language language,
        List<List<String>> numberRows,
        Map<String, String> words,
        Map<Integer, String> months,
        List<UnitWords> units,
        List<CurrencyWords> currencies,
        Map<String, String> abbreviations,
        Map<Character, String> letters) {

    /** A unit symbol with its singular and plural reading. */
    public record UnitWords(String symbol, String singular, String plural) {}

    /** A currency marker with the names of its major and minor units. */
    public record CurrencyWords(
            String marker, String majorSingular, String majorPlural, String minorSingular, String minorPlural) {}

    public static Lexicon load(Language language) {
        String dir = "synthesis/" + language.code() + "/";
        Map<Integer, String> months = new HashMap<>();
        TsvTable.read(dir + "months.tsv", 2).forEach(r -> months.put(Integer.parseInt(r.get(0)), r.get(1)));
        Map<Character, String> letters = new HashMap<>();
        TsvTable.read(dir + "letters.tsv", 2).forEach(r -> letters.put(r.get(0).charAt(0), r.get(1)));
        // Longest symbol first so that "km/h" is tried before "km" and "mm" before "m".
        List<UnitWords> units = TsvTable.read(dir + "units.tsv", 3).stream()
                .map(r -> new UnitWords(r.get(0), r.get(1), r.get(2)))
                .sorted(Comparator.comparingInt((UnitWords u) -> u.symbol().length())
                        .reversed())
                .toList();
        List<CurrencyWords> currencies = TsvTable.read(dir + "currencies.tsv", 5).stream()
                .map(r -> new CurrencyWords(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)))
                .sorted(Comparator.comparingInt((CurrencyWords c) -> c.marker().length())
                        .reversed())
                .toList();
        return new Lexicon(
                language,
                TsvTable.read(dir + "numbers.tsv", 3),
                pairs(dir + "words.tsv"),
                Map.copyOf(months),
                units,
                currencies,
                pairs(dir + "abbreviations.tsv"),
                Map.copyOf(letters));
    }

    /** A word or template from words.tsv; a missing key is a data bug, so fail loudly. */
    public String word(String key) {
        String value = words.get(key);
        if (value == null) {
            throw new IllegalStateException("synthesis/" + language.code() + "/words.tsv lacks the key " + key);
        }
        return value;
    }

    /** Fills {@code {name}} placeholders of the template {@code key}; alternating name, value pairs. */
    public String template(String key, String... namesAndValues) {
        String out = word(key);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out = out.replace("{" + namesAndValues[i] + "}", namesAndValues[i + 1]);
        }
        return out;
    }

    private static Map<String, String> pairs(String resource) {
        Map<String, String> map = new LinkedHashMap<>();
        TsvTable.read(resource, 2).forEach(r -> map.put(r.get(0), r.get(1)));
        return Collections.unmodifiableMap(map);
    }
}
