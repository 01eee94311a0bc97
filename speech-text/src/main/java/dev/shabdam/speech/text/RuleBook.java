package dev.shabdam.speech.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The normalisation rules, shared by every language: only the {@link Lexicon} words and the
 * {@link NumberSpeller} differ. Order matters: spans that contain dots, slashes and colons
 * (URLs, e-mails, phones, dates, times) are read before the generic number and abbreviation
 * rules could take them apart.
 */
final class RuleBook {

    /** 1,50,000 (Indian) or 150,000 (international) or plain digits. */
    private static final String INTEGER = "\\d{1,3}(?:,\\d{2,3})+(?!\\d)|\\d+";

    private static final String DECIMAL = "(?:" + INTEGER + ")(?:\\.\\d+)?";
    /** A hyphen is a minus sign only at the start of a word: "-5", not "COVID-19" or "10-20". */
    private static final String SIGN = "(?:(?<![^\\s(])-)?";

    private final Lexicon lexicon;
    private final NumberSpeller speller;
    private final List<NormalizationRule> rules;

    RuleBook(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.speller = NumberSpeller.of(lexicon);
        this.rules = List.of(
                rule("url", "(?i)(?:https?://|www\\.)[\\w\\-./?=&%#~:+]*[\\w/]", m -> spell(m.group())),
                rule("email", "[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+", m -> spell(m.group())),
                rule(
                        "phone",
                        "(?<![\\w+])(?:\\+\\d{1,3}[\\s-]?)?[6-9]\\d{4}[\\s-]?\\d{5}(?!\\d)",
                        m -> telephone(m.group())),
                rule("date_dmy", "\\b(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})\\b", m -> date(m, 1, 2, 3)),
                rule("date_iso", "\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b", m -> date(m, 3, 2, 1)),
                rule("time", "\\b([01]?\\d|2[0-3]):([0-5]\\d)(?::([0-5]\\d))?\\b", this::time),
                rule(
                        "currency",
                        "(?<![\\p{L}\\d])("
                                + alternation(lexicon.currencies().stream()
                                        .map(Lexicon.CurrencyWords::marker)
                                        .toList()) + ")\\s?(" + INTEGER + ")(?:\\.(\\d{1,2}))?(?!\\d)",
                        this::money),
                rule(
                        "percent",
                        "(" + SIGN + DECIMAL + ")\\s?%",
                        m -> lexicon.template("percent", "number", number(m.group(1)))),
                rule(
                        "unit",
                        "(" + SIGN + DECIMAL + ")\\s?("
                                + alternation(lexicon.units().stream()
                                        .map(Lexicon.UnitWords::symbol)
                                        .toList()) + ")(?![\\p{L}\\d])",
                        this::measure),
                rule(
                        "ordinal",
                        "\\b(\\d+)(?:st|nd|rd|th|-?\u0D3E\u0D02|-\u0D06\u0D02)(?![\\p{L}\\p{M}])",
                        m -> speller.ordinal(Long.parseLong(m.group(1)))),
                rule(
                        "abbreviation",
                        "(?<![\\p{L}\\p{M}])("
                                + alternation(lexicon.abbreviations().keySet()) + ")(\\s*(?:\\n|$))?",
                        this::abbreviation),
                rule("number", "(" + SIGN + DECIMAL + ")", m -> number(m.group(1))),
                rule("ampersand", "\\s*&\\s*", m -> " " + lexicon.word("symbol&") + " "),
                rule("spaces", "[ \\t\\u00A0]+", m -> " "),
                rule("blank_lines", " ?\\n[\\s]*", m -> "\n"));
    }

    String apply(String text) {
        String out = text;
        for (NormalizationRule rule : rules) {
            out = rule.apply(out);
        }
        return out.strip();
    }

    /** Letters by name, digits as words, symbols by name: "a.b@x.in" -> "എ ഡോട്ട് ബി അറ്റ് …". */
    String spell(String text) {
        List<String> words = new ArrayList<>();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            String word = Character.isDigit(c)
                    ? speller.cardinal(c - '0')
                    : lexicon.letters().containsKey(c)
                            ? lexicon.letters().get(c)
                            : lexicon.words().get("symbol" + c);
            if (word != null) {
                words.add(word);
            }
        }
        return String.join(" ", words);
    }

    /** Digit by digit, "+" read as plus; separators dropped. */
    String telephone(String text) {
        String digits = text.replaceAll("[^\\d+]", "");
        String plus = digits.startsWith("+") ? lexicon.word("plus") + " " : "";
        return plus + speller.digits(digits.replace("+", ""));
    }

    /** A number as written: sign, Indian or international grouping, decimals read digit by digit. */
    String number(String written) {
        boolean negative = written.startsWith("-");
        String unsigned = negative ? written.substring(1) : written;
        int dot = unsigned.indexOf('.');
        String whole = (dot < 0 ? unsigned : unsigned.substring(0, dot)).replace(",", "");
        // A leading zero ("007", "0484") is a code, not a quantity.
        String words = whole.length() > 1 && whole.startsWith("0") || whole.length() > 18
                ? speller.digits(whole)
                : speller.cardinal(Long.parseLong(whole));
        if (dot >= 0) {
            words += " " + lexicon.word("decimal_point") + " " + speller.digits(unsigned.substring(dot + 1));
        }
        return negative ? lexicon.word("minus") + " " + words : words;
    }

    private String date(MatchResult m, int dayGroup, int monthGroup, int yearGroup) {
        int day = Integer.parseInt(m.group(dayGroup));
        int month = Integer.parseInt(m.group(monthGroup));
        if (day < 1 || day > 31 || month < 1 || month > 12) {
            return m.group(); // not a date; the number rule reads the parts
        }
        return lexicon.template(
                "date",
                "day",
                speller.cardinal(day),
                "dayOrdinal",
                speller.ordinal(day),
                "month",
                lexicon.months().get(month),
                "year",
                speller.year(Long.parseLong(m.group(yearGroup))));
    }

    private String time(MatchResult m) {
        String hours = speller.cardinal(Integer.parseInt(m.group(1)));
        int minutes = Integer.parseInt(m.group(2));
        if (m.group(3) != null) {
            return lexicon.template(
                    "time_hours_minutes_seconds",
                    "hours",
                    hours,
                    "minutes",
                    speller.cardinal(minutes),
                    "seconds",
                    speller.cardinal(Integer.parseInt(m.group(3))));
        }
        return minutes == 0
                ? lexicon.template("time_hours", "hours", hours)
                : lexicon.template("time_hours_minutes", "hours", hours, "minutes", speller.minutes(minutes));
    }

    private String money(MatchResult m) {
        Lexicon.CurrencyWords currency = lexicon.currencies().stream()
                .filter(c -> c.marker().equals(m.group(1)))
                .findFirst()
                .orElseThrow();
        long major = Long.parseLong(m.group(2).replace(",", ""));
        String majorWords = lexicon.template(
                "money_major",
                "major",
                speller.quantity(major),
                "majorUnit",
                major == 1 ? currency.majorSingular() : currency.majorPlural());
        int minor = m.group(3) == null ? 0 : Integer.parseInt((m.group(3) + "0").substring(0, 2));
        if (minor == 0) {
            return majorWords;
        }
        return lexicon.template(
                "money_major_minor",
                "major",
                speller.quantity(major),
                "majorUnit",
                major == 1 ? currency.majorSingular() : currency.majorPlural(),
                "minor",
                speller.quantity(minor),
                "minorUnit",
                minor == 1 ? currency.minorSingular() : currency.minorPlural());
    }

    private String measure(MatchResult m) {
        Lexicon.UnitWords unit = lexicon.units().stream()
                .filter(u -> u.symbol().equals(m.group(2)))
                .findFirst()
                .orElseThrow();
        boolean one = m.group(1).equals("1");
        return (one ? speller.quantity(1) : number(m.group(1))) + " " + (one ? unit.singular() : unit.plural());
    }

    /** Expands; keeps a sentence-final full stop that the abbreviation's own dot stood for. */
    private String abbreviation(MatchResult m) {
        String expansion = lexicon.abbreviations().get(m.group(1));
        return m.group(2) == null ? expansion : expansion + "." + m.group(2);
    }

    private static NormalizationRule rule(
            String name, String regex, java.util.function.Function<MatchResult, String> expansion) {
        return new NormalizationRule(name, Pattern.compile(regex), expansion);
    }

    /** Regex alternation of literal strings, longest first so that "Rs." beats "Rs". */
    private static String alternation(Collection<String> literals) {
        return literals.stream()
                .sorted((a, b) -> Integer.compare(b.length(), a.length()))
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }
}
