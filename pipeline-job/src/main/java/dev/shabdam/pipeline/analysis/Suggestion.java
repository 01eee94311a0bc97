package dev.shabdam.pipeline.analysis;

/** One finding about a recording: a stable machine code, how much it matters, and advice for people. */
public record Suggestion(String code, Severity severity, String message) {}
