package dev.shabdam.gateway.personas;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * A persona of the chat assistant: a name standing for a voice and its controls. Its id or its name
 * may be given as the {@code voiceId} of a generation request.
 */
public record Persona(
        String personaId,
        String name,

        @Schema(description = "the voice it speaks with; absent for the language's default voice")
        String voiceId,

        @Schema(description = "ml or en") String language,

        @Schema(description = "neutral, happy, sad, angry, calm or excited")
        String emotion,

        @Schema(description = "0.5–2.0") double speed,
        @Schema(description = "−12..12 semitones") double pitch,
        Instant createdAt,
        Instant updatedAt) {}
