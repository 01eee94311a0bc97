package dev.shabdam.speech.prosody;

/** One row of synthesis/emotions.tsv; see that file for what each number means. */
public record EmotionStyle(
        double pitchShiftSemitones, double pitchRangeFactor, double rateFactor, double gainDb, int sentencePauseMs) {}
