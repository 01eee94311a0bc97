package dev.shabdam.gateway.generation;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /voice/normalize}. */
record NormalizeRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "at most 5,000 characters")
        String text,

        @Schema(description = "ml or en", defaultValue = "ml")
        String language) {}
