package dev.shabdam.gateway.generation;

import dev.shabdam.gateway.personas.Persona;
import dev.shabdam.gateway.personas.Personas;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.schemas.jobs.GenerateJob;
import dev.shabdam.speech.AudioFormat;
import dev.shabdam.speech.SynthesisException;
import dev.shabdam.speech.prosody.Emotion;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;
import dev.shabdam.speech.text.TextNormalizer;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a generation body into the {@link GenerateJob} the engine reads, validated by the
 * synthesis core's own types. A {@code voiceId} naming one of the tenant's personas (by id or name)
 * brings the persona's voice, language and controls; fields given in the request win over them.
 */
@Component
class SpeechRequests {
    private final Personas personas;

    SpeechRequests(Personas personas) {
        this.personas = personas;
    }

    GenerateJob parameters(Tenant tenant, byte[] body, boolean stream) {
        GenerateRequest request = JsonBody.read(body, GenerateRequest.class);
        requireSpeakable(request.text());
        Optional<Persona> persona =
                request.voiceId() == null || request.voiceId().isBlank()
                        ? Optional.empty()
                        : personas.resolve(tenant, request.voiceId().strip());
        String voiceId = persona.isPresent() ? persona.get().voiceId() : blankToNull(request.voiceId());
        Prosody prosody = new Prosody(
                chosen(request.speed(), persona, Persona::speed, 1.0),
                chosen(request.pitch(), persona, Persona::pitch, 0.0),
                Emotion.fromName(chosen(request.emotion(), persona, Persona::emotion, "neutral")),
                1.0);
        return new GenerateJob(
                request.text(),
                Language.fromCode(chosen(request.language(), persona, Persona::language, "ml")),
                voiceId,
                prosody,
                AudioFormat.fromName(request.format() == null ? "wav" : request.format()),
                stream);
    }

    /** Checked before anything else, so a huge text is refused for its size whatever else is wrong. */
    private static void requireSpeakable(String text) {
        if (text == null || text.isBlank()) {
            throw new SynthesisException(SynthesisException.Code.EMPTY_TEXT, "text is empty");
        }
        int length = text.codePointCount(0, text.length());
        if (length > TextNormalizer.MAX_CHARS) {
            throw new SynthesisException(
                    SynthesisException.Code.TEXT_TOO_LONG,
                    "text has " + length + " characters; the limit is " + TextNormalizer.MAX_CHARS);
        }
    }

    /** The request's value, else the persona's, else the default. */
    private static <T> T chosen(T requested, Optional<Persona> persona, Function<Persona, T> personaValue, T fallback) {
        if (requested != null) {
            return requested;
        }
        return persona.map(personaValue).orElse(fallback);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
