package dev.shabdam.schemas.jobs;

import dev.shabdam.schemas.JobType;
import dev.shabdam.speech.AudioFormat;
import dev.shabdam.speech.SynthesisException;
import dev.shabdam.speech.VoiceIds;
import dev.shabdam.speech.prosody.Emotion;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A GENERATE job: text to speak, and how. It takes no inputs; it answers the output {@link #AUDIO}
 * (and, when it streams, {@link #sentenceOutput} for sentences too large to travel inline).
 *
 * @param text     raw text or a {@code <speak>} SSML document
 * @param language ml or en
 * @param voiceId  null for the language's default espeak-ng voice (see the engines for others); a
 *                 {@link VoiceIds} name, else {@code invalid_voice}
 * @param prosody  speed 0.5–2.0, pitch ±12 semitones, emotion, volume
 * @param format   wav, mp3 or ogg
 * @param stream   whether each sentence is published as soon as it is ready
 */
public record GenerateJob(
        String text, Language language, String voiceId, Prosody prosody, AudioFormat format, boolean stream)
        implements JobRequest {
    /** The whole speech, in the asked format. */
    public static final String AUDIO = "audio";
    /**
     * Set by the gateway, never by a client, for tenants configured to share one synthesis cache
     * ({@link #inSharedCache}); not a field, since it says whose cache answers, not what is spoken.
     */
    public static final String SHARED_CACHE = "sharedCache";

    private static final String SENTENCE_OUTPUT = "sentence-";

    public GenerateJob {
        if (text == null || text.isBlank()) {
            throw new SynthesisException(SynthesisException.Code.EMPTY_TEXT, "text is empty");
        }
        if (language == null || prosody == null || format == null) {
            throw new SynthesisException(
                    SynthesisException.Code.INVALID_PARAMETER, "language, prosody and format are required");
        }
        voiceId = voiceId == null || voiceId.isBlank() ? null : VoiceIds.require(voiceId);
    }

    @Override
    public JobType type() {
        return JobType.GENERATE;
    }

    @Override
    public Map<String, String> toParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("text", text);
        parameters.put("language", language.code());
        if (voiceId != null) {
            parameters.put("voiceId", voiceId);
        }
        parameters.put("speed", Double.toString(prosody.speed()));
        parameters.put("pitch", Double.toString(prosody.pitchSemitones()));
        parameters.put("emotion", prosody.emotion().wireName());
        parameters.put("volume", Double.toString(prosody.volume()));
        parameters.put("format", format.extension());
        parameters.put("stream", Boolean.toString(stream));
        return parameters;
    }

    public static GenerateJob fromParameters(Map<String, String> parameters) {
        Prosody prosody = new Prosody(
                ParameterValues.number(parameters, "speed", 1.0),
                ParameterValues.number(parameters, "pitch", 0.0),
                Emotion.fromName(parameters.getOrDefault("emotion", "neutral")),
                ParameterValues.number(parameters, "volume", 1.0));
        return new GenerateJob(
                parameters.get("text"),
                Language.fromCode(parameters.getOrDefault("language", "ml")),
                parameters.get("voiceId"),
                prosody,
                AudioFormat.fromName(parameters.getOrDefault("format", "wav")),
                Boolean.parseBoolean(parameters.getOrDefault("stream", "false")));
    }

    /** A GENERATE job's {@code parameters} with the opt-in into the shared synthesis cache. */
    public static Map<String, String> inSharedCache(Map<String, String> parameters) {
        Map<String, String> shared = new HashMap<>(parameters);
        shared.put(SHARED_CACHE, "true");
        return shared;
    }

    /**
     * Whether a GENERATE job's parameters opt into the shared cache. Read on its own, without the rest:
     * the pipeline keys every GENERATE record by its cache scope before any parameter is validated.
     */
    public static boolean sharesCache(Map<String, String> parameters) {
        return Boolean.parseBoolean(parameters.get(SHARED_CACHE));
    }

    /** The output of a streamed sentence that does not travel inline: {@code sentence-<index>}. */
    public static String sentenceOutput(int index) {
        return SENTENCE_OUTPUT + index;
    }
}
