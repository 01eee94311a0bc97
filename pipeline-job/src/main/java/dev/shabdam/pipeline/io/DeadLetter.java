package dev.shabdam.pipeline.io;

/** A record of {@code voice.requests} that could not be read, and why. */
public record DeadLetter(RawRecord record, String reason) {}
