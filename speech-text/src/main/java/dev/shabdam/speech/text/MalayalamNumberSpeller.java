package dev.shabdam.speech.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Malayalam cardinals and ordinals in the Indian system (ആയിരം, ലക്ഷം, കോടി).
 *
 * <p>Forms chosen (the usual written forms; reviewers can change the words in numbers.tsv):
 * <ul>
 *   <li>Below a hundred, tens and units are one word joined by sandhi: a unit starting with a
 *       vowel takes a glide യ (ഇരുപത്തി + ഒന്ന് = ഇരുപത്തിയൊന്ന്), others join directly
 *       (ഇരുപത്തിനാല്).</li>
 *   <li>Hundreds join what follows into one word the same way, doubling an initial plosive
 *       (നൂറ്റിയൊന്ന്, നൂറ്റിപ്പത്ത്, തൊള്ളായിരത്തിനാൽപത്തിയേഴ്).</li>
 *   <li>Thousand, lakh and crore groups are separate words; a group followed by more takes its
 *       combining form: 2024 = രണ്ടായിരത്തി ഇരുപത്തിനാല്, 1,50,000 = ഒരു ലക്ഷത്തി അമ്പതിനായിരം.</li>
 *   <li>"N thousand" is one word: രണ്ടായിരം, ഒമ്പതിനായിരം, പതിനായിരം, with the irregular
 *       ആയിരം, മൂവായിരം, അയ്യായിരം from the table; "one" before lakh and crore is ഒരു.</li>
 *   <li>Ordinals add ാം to the last word: ഒന്നാം, പത്താം, ഇരുപതാം, ആയിരാം.</li>
 * </ul>
 */
public final class MalayalamNumberSpeller implements NumberSpeller {

    private static final long THOUSAND = 1_000;
    private static final long LAKH = 100_000;
    private static final long CRORE = 10_000_000;
    private static final char VIRAMA = '\u0D4D';
    private static final char ANUSVARA = '\u0D02';
    private static final String GLIDE = "\u0D2F"; // യ
    private static final String PLOSIVES = "\u0D15\u0D1A\u0D1F\u0D24\u0D2A"; // ക ച ട ത പ
    /** Independent vowel -> the vowel sign it becomes after the glide (അ takes none). */
    private static final Map<Character, String> VOWEL_SIGN = Map.ofEntries(
            Map.entry('\u0D05', ""),
            Map.entry('\u0D06', "\u0D3E"),
            Map.entry('\u0D07', "\u0D3F"),
            Map.entry('\u0D08', "\u0D40"),
            Map.entry('\u0D09', "\u0D41"),
            Map.entry('\u0D0A', "\u0D42"),
            Map.entry('\u0D0E', "\u0D46"),
            Map.entry('\u0D0F', "\u0D47"),
            Map.entry('\u0D10', "\u0D48"),
            Map.entry('\u0D12', "\u0D4A"),
            Map.entry('\u0D13', "\u0D4B"),
            Map.entry('\u0D14', "\u0D4C"));

    private final Map<Long, String> cardinals = new HashMap<>();
    private final Map<Long, String> irregularThousands = new HashMap<>();
    private final Map<Long, String> scales = new HashMap<>();
    private final String attributiveOne;
    private final String ordinalSuffix;

    MalayalamNumberSpeller(Lexicon lexicon) {
        String one = null;
        for (List<String> row : lexicon.numberRows()) {
            long value = Long.parseLong(row.get(1));
            switch (row.get(0)) {
                case "cardinal" -> cardinals.put(value, row.get(2));
                case "thousands" -> irregularThousands.put(value, row.get(2));
                case "scale" -> scales.put(value, row.get(2));
                case "attributive" -> one = row.get(2);
                default -> throw new IllegalStateException("Unknown kind in ml/numbers.tsv: " + row.get(0));
            }
        }
        this.attributiveOne = one;
        this.ordinalSuffix = lexicon.word("ordinal_suffix");
    }

    @Override
    public String cardinal(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative: " + n);
        }
        if (n < THOUSAND) {
            return belowThousand(n);
        }
        // Groups from the largest; each one that is followed by more takes its combining form.
        long crores = n / CRORE;
        long lakhs = n % CRORE / LAKH;
        long thousands = n % LAKH / THOUSAND;
        long rest = n % THOUSAND;
        List<String> groups = new ArrayList<>();
        if (crores > 0) {
            groups.add(multiplied(crores, CRORE));
        }
        if (lakhs > 0) {
            groups.add(multiplied(lakhs, LAKH));
        }
        if (thousands > 0) {
            groups.add(thousandsWord(thousands));
        }
        if (rest > 0) {
            groups.add(belowThousand(rest));
        }
        for (int i = 0; i < groups.size() - 1; i++) {
            groups.set(i, combining(groups.get(i)));
        }
        return String.join(" ", groups);
    }

    @Override
    public String ordinal(long n) {
        String words = cardinal(n);
        return stem(words) + ordinalSuffix;
    }

    @Override
    public String quantity(long n) {
        return n == 1 ? attributiveOne : cardinal(n);
    }

    @Override
    public String year(long n) {
        return cardinal(n);
    }

    /** "ഒരു ലക്ഷം", "പത്ത് ലക്ഷം", "നൂറ് കോടി"; the multiplier may itself be a long number. */
    private String multiplied(long multiplier, long scale) {
        String head = multiplier == 1 ? attributiveOne : cardinal(multiplier);
        return head + " " + scales.get(scale);
    }

    private String belowThousand(long n) {
        if (n < 100) {
            return belowHundred(n);
        }
        String hundreds = cardinals.get(n / 100 * 100);
        long rest = n % 100;
        return rest == 0 ? hundreds : join(combining(hundreds), belowHundred(rest));
    }

    private String belowHundred(long n) {
        String exact = cardinals.get(n);
        if (exact != null) {
            return exact;
        }
        return join(combining(cardinals.get(n / 10 * 10)), cardinals.get(n % 10));
    }

    /** "N thousand" as one word, N in 1..99. */
    private String thousandsWord(long n) {
        String irregular = irregularThousands.get(n);
        if (irregular != null) {
            return irregular;
        }
        if (n > 20 && n % 10 != 0) {
            long unit = n % 10;
            // ഇരുപത്തിമൂവായിരം uses the irregular unit form, but 21 000 is ഇരുപത്തിയൊന്നായിരം, not ...ആയിരം.
            String unitThousands = unit == 1 ? regularThousands(cardinals.get(1L)) : thousandsWord(unit);
            return join(combining(cardinals.get(n / 10 * 10)), unitThousands);
        }
        return regularThousands(cardinal(n));
    }

    /** രണ്ട് -> രണ്ടായിരം, പത്ത് -> പതിനായിരം, ഇരുപത് -> ഇരുപതിനായിരം, തൊണ്ണൂറ് -> തൊണ്ണൂറായിരം. */
    private static String regularThousands(String word) {
        String tha = "\u0D24" + VIRAMA; // ത്
        if (word.endsWith(tha + tha)) {
            return word.substring(0, word.length() - 3) + "\u0D3F\u0D28\u0D3E\u0D2F\u0D3F\u0D30\u0D02"; // ിനായിരം
        }
        if (word.endsWith(tha)) {
            return word.substring(0, word.length() - 1) + "\u0D3F\u0D28\u0D3E\u0D2F\u0D3F\u0D30\u0D02";
        }
        return stem(word) + "\u0D3E\u0D2F\u0D3F\u0D30\u0D02"; // ായിരം
    }

    /**
     * The form a number word takes before another: ആയിരം -> ആയിരത്തി, നൂറ് -> നൂറ്റി,
     * ഇരുപത് -> ഇരുപത്തി. Words ending otherwise (കോടി) stay as they are.
     */
    static String combining(String word) {
        int last = word.length() - 1;
        if (word.charAt(last) == ANUSVARA) {
            return word.substring(0, last) + "\u0D24\u0D4D\u0D24\u0D3F"; // ത്തി
        }
        if (word.charAt(last) == VIRAMA) {
            char consonant = word.charAt(last - 1);
            return word + consonant + "\u0D3F";
        }
        return word;
    }

    /** The word without its final virama or anusvara, ready for a vowel sign. */
    private static String stem(String word) {
        char last = word.charAt(word.length() - 1);
        return last == VIRAMA || last == ANUSVARA ? word.substring(0, word.length() - 1) : word;
    }

    /** Sandhi after a combining form ending in ി: glide before a vowel, doubled plosive, else plain. */
    static String join(String combining, String next) {
        char first = next.charAt(0);
        String sign = VOWEL_SIGN.get(first);
        if (sign != null) {
            return combining + GLIDE + sign + next.substring(1);
        }
        if (PLOSIVES.indexOf(first) >= 0) {
            return combining + first + VIRAMA + next;
        }
        return combining + next;
    }
}
