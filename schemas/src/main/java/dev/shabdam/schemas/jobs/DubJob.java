package dev.shabdam.schemas.jobs;

import dev.shabdam.schemas.JobType;
import dev.shabdam.speech.SynthesisException;
import dev.shabdam.speech.VoiceIds;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A DUB job: a video or recording ({@link #MEDIA}) to dub, with optional {@link #SUBTITLES} in the
 * source language and a {@link #TRANSLATION} in the target language. A field left null takes its
 * default; the rest is validated here, so the gateway and the job refuse the same requests with the
 * same codes.
 *
 * @param sourceLanguage    what is spoken in the upload: {@code en} (default) or {@code auto}
 * @param targetLanguage    what the dub speaks: {@code ml} (default)
 * @param voiceId           the voice of every line; null for the target language's default voice; a
 *                          {@link VoiceIds} name, else {@code invalid_voice}
 * @param keepBackground    keep music and ambience, ducked under the dub, else the dub alone (default true)
 * @param keepOriginalTrack add the original audio to the video as a second, non-default track (default false)
 * @param lipSync           re-time the mouths to the dub (needs the Wav2Lip model; default false)
 * @param upload            what the gateway found the media to be; null when not recorded
 */
public record DubJob(
        String sourceLanguage,
        String targetLanguage,
        String voiceId,
        Boolean keepBackground,
        Boolean keepOriginalTrack,
        Boolean lipSync,
        InputFormat upload)
        implements JobRequest {
    /** The video or recording to dub. */
    public static final String MEDIA = "file";
    /** Optional: SRT or WebVTT in the source language, whose cues time the lines. */
    public static final String SUBTITLES = "subtitles";
    /** Optional: SRT or WebVTT in the target language, what the lines say. */
    public static final String TRANSLATION = "translation";
    /** The parameter naming the voice; the gateway lets it name one of the tenant's personas. */
    public static final String VOICE_ID = "voiceId";

    public static final Set<String> SOURCE_LANGUAGES = Set.of("en", "auto");
    public static final Set<String> TARGET_LANGUAGES = Set.of("ml");
    private static final String SOURCE_LANGUAGE = "sourceLanguage";
    private static final String TARGET_LANGUAGE = "targetLanguage";
    private static final String KEEP_BACKGROUND = "keepBackground";
    private static final String KEEP_ORIGINAL_TRACK = "keepOriginalTrack";
    private static final String LIP_SYNC = "lipSync";

    public DubJob {
        sourceLanguage = sourceLanguage == null ? "en" : sourceLanguage;
        targetLanguage = targetLanguage == null ? "ml" : targetLanguage;
        if (!SOURCE_LANGUAGES.contains(sourceLanguage)) {
            throw new SynthesisException(
                    SynthesisException.Code.UNSUPPORTED_LANGUAGE,
                    "sourceLanguage must be one of " + SOURCE_LANGUAGES + ", not " + sourceLanguage);
        }
        if (!TARGET_LANGUAGES.contains(targetLanguage)) {
            throw new SynthesisException(
                    SynthesisException.Code.UNSUPPORTED_LANGUAGE,
                    "targetLanguage must be one of " + TARGET_LANGUAGES + ", not " + targetLanguage);
        }
        voiceId = voiceId == null || voiceId.isBlank() ? null : VoiceIds.require(voiceId);
        keepBackground = keepBackground == null || keepBackground;
        keepOriginalTrack = Boolean.TRUE.equals(keepOriginalTrack);
        lipSync = Boolean.TRUE.equals(lipSync);
    }

    @Override
    public JobType type() {
        return JobType.DUB;
    }

    @Override
    public Map<String, String> toParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(SOURCE_LANGUAGE, sourceLanguage);
        parameters.put(TARGET_LANGUAGE, targetLanguage);
        if (voiceId != null) {
            parameters.put(VOICE_ID, voiceId);
        }
        parameters.put(KEEP_BACKGROUND, Boolean.toString(keepBackground));
        parameters.put(KEEP_ORIGINAL_TRACK, Boolean.toString(keepOriginalTrack));
        parameters.put(LIP_SYNC, Boolean.toString(lipSync));
        if (upload != null) {
            upload.addTo(parameters, "");
        }
        return parameters;
    }

    /** The dub a job's parameters (or a form's fields) ask for; flags are exactly {@code true} or {@code false}. */
    public static DubJob fromParameters(Map<String, String> parameters) {
        return new DubJob(
                parameters.get(SOURCE_LANGUAGE),
                parameters.get(TARGET_LANGUAGE),
                parameters.get(VOICE_ID),
                ParameterValues.flag(parameters, KEEP_BACKGROUND),
                ParameterValues.flag(parameters, KEEP_ORIGINAL_TRACK),
                ParameterValues.flag(parameters, LIP_SYNC),
                InputFormat.from(parameters, ""));
    }

    /** This dub of media the gateway found to be {@code format}. */
    public DubJob withUpload(InputFormat format) {
        return new DubJob(sourceLanguage, targetLanguage, voiceId, keepBackground, keepOriginalTrack, lipSync, format);
    }

    /**
     * The inputs of a dub by name, media first: storage keys, or files to upload.
     *
     * @param subtitles   null when none are given
     * @param translation null when none is given
     */
    public static <T> Map<String, T> inputs(T media, T subtitles, T translation) {
        Map<String, T> inputs = new LinkedHashMap<>();
        inputs.put(MEDIA, media);
        if (subtitles != null) {
            inputs.put(SUBTITLES, subtitles);
        }
        if (translation != null) {
            inputs.put(TRANSLATION, translation);
        }
        return inputs;
    }
}
