package dev.shabdam.speech.text;

import dev.shabdam.speech.SynthesisException;

import java.util.Arrays;
import java.util.Locale;

/** The languages Shabdam speaks; the code is the API's {@code language} field. */
public enum Language {
    ML("ml"),
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Parses an API language code; anything else is {@code unsupported_language}. */
    public static Language fromCode(String code) {
        if (code != null) {
            String wanted = code.strip().toLowerCase(Locale.ROOT);
            for (Language language : values()) {
                if (language.code.equals(wanted)) {
                    return language;
                }
            }
        }
        throw new SynthesisException(
                SynthesisException.Code.UNSUPPORTED_LANGUAGE,
                "Language '" + code + "' is not supported; use one of " + Arrays.toString(codes()));
    }

    private static String[] codes() {
        return Arrays.stream(values()).map(Language::code).toArray(String[]::new);
    }
}
