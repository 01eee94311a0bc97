package dev.shabdam.pipeline.dubbing.transcription;

/** One stretch of recognised speech: the text between two of Whisper's timestamps, in ms from the audio's start. */
public record TimedText(long startMs, long endMs, String text) {}
