package dev.shabdam.speech;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A dubbing request as it travels in a DUB job's parameters (all strings): the gateway writes it with
 * {@link #toParameters()} and the Flink job reads it with {@link #fromParameters}, so both refuse the
 * same requests with the same codes.
 *
 * @param sourceLanguage    what is spoken in the upload: {@code en} or {@code auto}
 * @param targetLanguage    what the dub speaks: {@code ml}
 * @param voiceId           the voice of every line; null for the target language's default voice; a
 *                          {@link VoiceIds} name, else {@code invalid_voice}
 * @param keepBackground    keep music and ambience, ducked under the dub (else the dub alone)
 * @param keepOriginalTrack add the original audio to the video as a second, non-default track
 * @param lipSync           re-time the mouths to the dub (needs the Wav2Lip model)
 */
public record DubParameters(String sourceLanguage, String targetLanguage, String voiceId, boolean keepBackground,
                            boolean keepOriginalTrack, boolean lipSync) {
    public static final Set<String> SOURCE_LANGUAGES = Set.of("en", "auto");
    public static final Set<String> TARGET_LANGUAGES = Set.of("ml");

    public DubParameters {
        if (!SOURCE_LANGUAGES.contains(sourceLanguage)) {
            throw new SynthesisException(SynthesisException.Code.UNSUPPORTED_LANGUAGE,
                    "sourceLanguage must be one of " + SOURCE_LANGUAGES + ", not " + sourceLanguage);
        }
        if (!TARGET_LANGUAGES.contains(targetLanguage)) {
            throw new SynthesisException(SynthesisException.Code.UNSUPPORTED_LANGUAGE,
                    "targetLanguage must be one of " + TARGET_LANGUAGES + ", not " + targetLanguage);
        }
        voiceId = voiceId == null || voiceId.isBlank() ? null : VoiceIds.require(voiceId);
    }

    public DubParameters withVoiceId(String newVoiceId) {
        return new DubParameters(sourceLanguage, targetLanguage, newVoiceId, keepBackground, keepOriginalTrack, lipSync);
    }

    public Map<String, String> toParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sourceLanguage", sourceLanguage);
        parameters.put("targetLanguage", targetLanguage);
        if (voiceId != null) {
            parameters.put("voiceId", voiceId);
        }
        parameters.put("keepBackground", Boolean.toString(keepBackground));
        parameters.put("keepOriginalTrack", Boolean.toString(keepOriginalTrack));
        parameters.put("lipSync", Boolean.toString(lipSync));
        return parameters;
    }

    public static DubParameters fromParameters(Map<String, String> parameters) {
        return new DubParameters(parameters.getOrDefault("sourceLanguage", "en"),
                parameters.getOrDefault("targetLanguage", "ml"), parameters.get("voiceId"),
                flag(parameters, "keepBackground", true), flag(parameters, "keepOriginalTrack", false),
                flag(parameters, "lipSync", false));
    }

    /** A boolean form field: exactly {@code true} or {@code false}, so that a typo is refused, not read as false. */
    public static boolean flag(Map<String, String> parameters, String name, boolean fallback) {
        String value = parameters.get(name);
        if (value == null) {
            return fallback;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new SynthesisException(SynthesisException.Code.INVALID_PARAMETER,
                    name + " must be true or false, not " + value);
        };
    }
}
