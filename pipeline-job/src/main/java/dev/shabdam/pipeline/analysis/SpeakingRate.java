package dev.shabdam.pipeline.analysis;

/** @param syllablesPerSec syllable nuclei per second of speech (pauses excluded); null without speech */
public record SpeakingRate(Double syllablesPerSec) {
}
