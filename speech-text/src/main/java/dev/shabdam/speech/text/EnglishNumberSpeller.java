package dev.shabdam.speech.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * English cardinals in the short scale ("one hundred twenty-four", "one million"), ordinals
 * ("twenty-first") and years read in pairs ("nineteen forty-seven", "two thousand five").
 * Indian-grouped input (1,50,000) is read by value: "one hundred fifty thousand".
 */
public final class EnglishNumberSpeller implements NumberSpeller {

    private final Map<Long, String> cardinals = new HashMap<>();
    /** Scale value -> word, largest first. */
    private final TreeMap<Long, String> scales = new TreeMap<>((a, b) -> Long.compare(b, a));

    private final Map<String, String> irregularOrdinals = new HashMap<>();

    EnglishNumberSpeller(Lexicon lexicon) {
        for (List<String> row : lexicon.numberRows()) {
            switch (row.get(0)) {
                case "cardinal" -> cardinals.put(Long.parseLong(row.get(1)), row.get(2));
                case "scale" -> scales.put(Long.parseLong(row.get(1)), row.get(2));
                case "ordinal" -> irregularOrdinals.put(row.get(1), row.get(2));
                default -> throw new IllegalStateException("Unknown kind in en/numbers.tsv: " + row.get(0));
            }
        }
    }

    @Override
    public String cardinal(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative: " + n);
        }
        if (n < 100) {
            return belowHundred(n);
        }
        List<String> parts = new ArrayList<>();
        long rest = n;
        for (Map.Entry<Long, String> scale : scales.entrySet()) {
            long count = rest / scale.getKey();
            if (count > 0) {
                parts.add(cardinal(count) + " " + scale.getValue());
                rest %= scale.getKey();
            }
        }
        if (rest > 0) {
            parts.add(belowHundred(rest));
        }
        return String.join(" ", parts);
    }

    @Override
    public String ordinal(long n) {
        String words = cardinal(n);
        int cut = Math.max(words.lastIndexOf(' '), words.lastIndexOf('-')) + 1;
        String last = words.substring(cut);
        String irregular = irregularOrdinals.get(last);
        String ordinalLast = irregular != null
                ? irregular
                : last.endsWith("y") ? last.substring(0, last.length() - 1) + "ieth" : last + "th";
        return words.substring(0, cut) + ordinalLast;
    }

    @Override
    public String year(long n) {
        boolean pairs = n >= 1100 && n <= 9999 && !(n >= 2000 && n <= 2009);
        if (!pairs) {
            return cardinal(n);
        }
        long high = n / 100;
        long low = n % 100;
        if (low == 0) {
            return cardinal(high) + " hundred";
        }
        return cardinal(high) + " " + (low < 10 ? "oh " + cardinal(low) : cardinal(low));
    }

    @Override
    public String minutes(int n) {
        return n > 0 && n < 10 ? "oh " + cardinal(n) : cardinal(n);
    }

    private String belowHundred(long n) {
        String exact = cardinals.get(n);
        return exact != null ? exact : cardinals.get(n / 10 * 10) + "-" + cardinals.get(n % 10);
    }
}
