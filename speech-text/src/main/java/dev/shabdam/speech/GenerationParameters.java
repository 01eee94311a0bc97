package dev.shabdam.speech;

import dev.shabdam.speech.prosody.Emotion;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A generation request as it travels in a GENERATE job's parameters (all strings): the gateway
 * writes it with {@link #toParameters()}, the Flink job reads it with {@link #fromParameters}. One
 * class owns the names and the validation, so both sides agree on what a valid request is.
 *
 * @param text     raw text or a {@code <speak>} SSML document
 * @param language ml or en
 * @param voiceId  null for the language's default espeak-ng voice (see the engines for others); a
 *                 {@link VoiceIds} name, else {@code invalid_voice}
 * @param prosody  speed 0.5–2.0, pitch ±12 semitones, emotion, volume
 * @param format   wav, mp3 or ogg
 * @param stream   whether each sentence is published as soon as it is ready
 */
public record GenerationParameters(String text, Language language, String voiceId, Prosody prosody,
                                   AudioFormat format, boolean stream) {

    public GenerationParameters {
        if (text == null || text.isBlank()) {
            throw new SynthesisException(SynthesisException.Code.EMPTY_TEXT, "text is empty");
        }
        if (language == null || prosody == null || format == null) {
            throw new SynthesisException(SynthesisException.Code.INVALID_PARAMETER, "language, prosody and format are required");
        }
        voiceId = voiceId == null || voiceId.isBlank() ? null : VoiceIds.require(voiceId);
    }

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

    public static GenerationParameters fromParameters(Map<String, String> parameters) {
        Prosody prosody = new Prosody(
                number(parameters, "speed", 1.0),
                number(parameters, "pitch", 0.0),
                Emotion.fromName(parameters.getOrDefault("emotion", "neutral")),
                number(parameters, "volume", 1.0));
        return new GenerationParameters(
                parameters.get("text"),
                Language.fromCode(parameters.getOrDefault("language", "ml")),
                parameters.get("voiceId"),
                prosody,
                AudioFormat.fromName(parameters.getOrDefault("format", "wav")),
                Boolean.parseBoolean(parameters.getOrDefault("stream", "false")));
    }

    private static double number(Map<String, String> parameters, String name, double fallback) {
        String value = parameters.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new SynthesisException(SynthesisException.Code.INVALID_PARAMETER, name + " is not a number: " + value);
        }
    }
}
