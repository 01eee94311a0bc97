package dev.shabdam.speech;

import java.util.regex.Pattern;

/**
 * The one rule for the ids that name a voice or a persona, checked wherever one enters: the gateway's
 * requests and personas, and the Flink job's reading of a job's parameters (the job contract's
 * {@code GenerateJob} and {@code DubJob}, in schemas). A voice id ends up in a file name under the
 * TaskManager's models folder, so anything beyond lower-case letters, digits, {@code .}, {@code _} and
 * {@code -} (a slash, a leading dot, an absolute path) is refused as {@code invalid_voice} before any
 * engine sees it.
 */
public final class VoiceIds {
    /** Before a name, picks an espeak-ng voice ({@code espeak:en-us}). */
    public static final String ESPEAK_PREFIX = "espeak:";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private VoiceIds() {}

    /** Whether {@code name} is a voice or persona name (without the engine prefix). */
    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** {@code id}, a name with or without {@link #ESPEAK_PREFIX}, else the {@code invalid_voice} failure. */
    public static String require(String id) {
        String name = id != null && id.startsWith(ESPEAK_PREFIX) ? id.substring(ESPEAK_PREFIX.length()) : id;
        if (!isName(name)) {
            throw invalid("voiceId");
        }
        return id;
    }

    /** {@code id} if it is a persona id, else the {@code invalid_voice} failure. */
    public static String requirePersonaId(String id) {
        if (!isName(id)) {
            throw invalid("personaId");
        }
        return id;
    }

    private static SynthesisException invalid(String field) {
        return new SynthesisException(
                SynthesisException.Code.INVALID_VOICE,
                field
                        + " must be 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"
                        + (field.equals("voiceId") ? " (optionally after '" + ESPEAK_PREFIX + "')" : ""));
    }
}
