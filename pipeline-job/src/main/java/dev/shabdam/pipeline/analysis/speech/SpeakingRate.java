package dev.shabdam.pipeline.analysis.speech;

/** @param syllablesPerSec syllable nuclei per second of speech (pauses excluded); null without speech */
public record SpeakingRate(Double syllablesPerSec) {}
