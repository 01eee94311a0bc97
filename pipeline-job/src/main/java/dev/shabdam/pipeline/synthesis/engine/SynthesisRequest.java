package dev.shabdam.pipeline.synthesis.engine;

import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;

/**
 * What to say and how.
 *
 * @param text     for a {@link Synthesizer}: normalised text (one sentence or a few); for
 *                 {@code SentenceStreamer}: the user's raw text or a {@code <speak>} SSML document
 * @param language the language of the text
 * @param voiceId  engine-specific voice, or null for the engine's default voice of the language
 * @param prosody  speed, pitch, emotion, volume
 */
public record SynthesisRequest(String text, Language language, String voiceId, Prosody prosody) {

    public SynthesisRequest {
        if (language == null || prosody == null || text == null) {
            throw new IllegalArgumentException("text, language and prosody are required");
        }
    }

    public SynthesisRequest withText(String newText, Language newLanguage, String newVoiceId) {
        return new SynthesisRequest(newText, newLanguage, newVoiceId, prosody);
    }

    public SynthesisRequest withProsody(Prosody newProsody) {
        return new SynthesisRequest(text, language, voiceId, newProsody);
    }
}
