package dev.shabdam.speech.prosody;

import dev.shabdam.speech.SynthesisException;

import java.util.Locale;

/** The API's {@code emotion} values. How each sounds is data: see {@link EmotionTable}. */
public enum Emotion {
    NEUTRAL,
    HAPPY,
    SAD,
    ANGRY,
    CALM,
    EXCITED;

    public static Emotion fromName(String name) {
        try {
            return name == null ? NEUTRAL : valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SynthesisException(
                    SynthesisException.Code.INVALID_PARAMETER,
                    "emotion must be one of neutral, happy, sad, angry, calm, excited; got '" + name + "'");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
