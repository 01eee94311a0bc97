package dev.shabdam.speech.text;

import java.util.stream.Collectors;

/** Numbers in words for one language; the words come from that language's numbers.tsv. */
public sealed interface NumberSpeller permits MalayalamNumberSpeller, EnglishNumberSpeller {

    /** Non-negative integer in words. */
    String cardinal(long n);

    /** "1st", "1-ാം": the ordinal word. */
    String ordinal(long n);

    /** A count before a noun ("one rupee"); Malayalam uses ഒരു, not ഒന്ന്, there. */
    default String quantity(long n) {
        return cardinal(n);
    }

    /** How a year in a date is read (English reads 1947 as "nineteen forty-seven"). */
    String year(long n);

    /** Minutes of a clock time (English reads 10:05 as "ten oh five"). */
    default String minutes(int n) {
        return cardinal(n);
    }

    /** Digit by digit, for phone numbers, decimals' fractional part and codes. */
    default String digits(String digits) {
        return digits.chars().mapToObj(c -> cardinal(c - '0')).collect(Collectors.joining(" "));
    }

    static NumberSpeller of(Lexicon lexicon) {
        return switch (lexicon.language()) {
            case ML -> new MalayalamNumberSpeller(lexicon);
            case EN -> new EnglishNumberSpeller(lexicon);
        };
    }
}
