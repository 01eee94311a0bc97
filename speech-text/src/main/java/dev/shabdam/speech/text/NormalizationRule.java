package dev.shabdam.speech.text;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** One rewrite: every match of {@code pattern} is replaced by what {@code expansion} says. */
public record NormalizationRule(String name, Pattern pattern, Function<MatchResult, String> expansion) {

    public String apply(String text) {
        return pattern.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(expansion.apply(m)));
    }
}
