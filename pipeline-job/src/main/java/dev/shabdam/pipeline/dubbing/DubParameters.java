package dev.shabdam.pipeline.dubbing;

import dev.shabdam.pipeline.jobs.InvalidParameterException;

import java.util.Map;
import java.util.Set;

/**
 * The parameters of a DUB job, as the gateway passes them (all strings).
 *
 * @param sourceLanguage    what is spoken in the upload: {@code en} or {@code auto}
 * @param targetLanguage    what the dub speaks: {@code ml}
 * @param voiceId           the voice of every line; null for the target language's default voice
 * @param keepBackground    keep music and ambience, ducked under the dub (else the dub alone)
 * @param keepOriginalTrack add the original audio to the video as a second, non-default track
 * @param lipSync           re-time the mouths to the dub (needs the Wav2Lip model)
 */
public record DubParameters(String sourceLanguage, String targetLanguage, String voiceId, boolean keepBackground,
                            boolean keepOriginalTrack, boolean lipSync) {
    private static final Set<String> SOURCE_LANGUAGES = Set.of("en", "auto");
    private static final Set<String> TARGET_LANGUAGES = Set.of("ml");

    public static DubParameters from(Map<String, String> parameters) throws InvalidParameterException {
        String source = parameters.getOrDefault("sourceLanguage", "en");
        String target = parameters.getOrDefault("targetLanguage", "ml");
        if (!SOURCE_LANGUAGES.contains(source)) {
            throw new InvalidParameterException("sourceLanguage must be one of " + SOURCE_LANGUAGES + ", not " + source);
        }
        if (!TARGET_LANGUAGES.contains(target)) {
            throw new InvalidParameterException("targetLanguage must be one of " + TARGET_LANGUAGES + ", not " + target);
        }
        String voice = parameters.get("voiceId");
        return new DubParameters(source, target, voice == null || voice.isBlank() ? null : voice,
                flag(parameters, "keepBackground", true), flag(parameters, "keepOriginalTrack", false),
                flag(parameters, "lipSync", false));
    }

    private static boolean flag(Map<String, String> parameters, String name, boolean fallback)
            throws InvalidParameterException {
        String value = parameters.get(name);
        if (value == null) {
            return fallback;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidParameterException(name + " must be true or false, not " + value);
        };
    }
}
