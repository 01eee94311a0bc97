package dev.shabdam.gateway.generation;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /voice/generate}. A field left out takes the persona's value when
 * {@code voiceId} names a persona, else the default.
 */
record GenerateRequest(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "plain text or a <speak> SSML document, at most 5,000 characters")
        String text,

        @Schema(description = "ml or en", defaultValue = "ml")
        String language,

        @Schema(description = "a voice id, or the id or name of one of the tenant's personas")
        String voiceId,

        @Schema(description = "0.5–2.0", defaultValue = "1.0")
        Double speed,

        @Schema(description = "−12..12 semitones", defaultValue = "0")
        Double pitch,

        @Schema(description = "neutral, happy, sad, angry, calm or excited", defaultValue = "neutral")
        String emotion,

        @Schema(description = "wav, mp3 or ogg (the stream answers wav only)", defaultValue = "wav")
        String format) {}
