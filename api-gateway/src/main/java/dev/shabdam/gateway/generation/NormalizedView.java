package dev.shabdam.gateway.generation;

import dev.shabdam.speech.text.NormalizedText;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Exactly what the engine will say, and the sentences it will say it in. */
record NormalizedView(
        @Schema(description = "the text with numbers, dates, times, money, units and abbreviations in words; NFC")
        String normalized,

        @Schema(description = "the sentences, the unit of streamed generation")
        List<String> sentences) {

    static NormalizedView of(NormalizedText text) {
        return new NormalizedView(text.normalized(), text.sentences());
    }
}
