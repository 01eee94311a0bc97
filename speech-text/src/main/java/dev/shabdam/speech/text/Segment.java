package dev.shabdam.pipeline.synthesis.text;

/** A run of normalised text to be spoken by the voice of one language. */
public record Segment(String text, Language language) {
}
