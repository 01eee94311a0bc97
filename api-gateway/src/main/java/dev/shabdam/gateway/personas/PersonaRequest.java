package dev.shabdam.gateway.personas;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of creating or replacing a persona; absent controls take the generation defaults. */
public record PersonaRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100)
        String name,

        String voiceId,

        @Schema(description = "ml or en", defaultValue = "ml")
        String language,

        @Schema(defaultValue = "neutral") String emotion,

        @Schema(description = "0.5–2.0", defaultValue = "1.0")
        Double speed,

        @Schema(description = "−12..12 semitones", defaultValue = "0")
        Double pitch) {}
