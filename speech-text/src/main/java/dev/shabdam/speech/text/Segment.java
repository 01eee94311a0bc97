package dev.shabdam.speech.text;

/** A run of normalised text to be spoken by the voice of one language. */
public record Segment(String text, Language language) {}
