package dev.shabdam.pipeline.training;

import dev.shabdam.pipeline.analysis.speech.SpeechSignal;

/**
 * A training sample after {@link SamplePreprocessor}: its speech only, at the analysis rate, filtered
 * and at the training loudness.
 *
 * @param speech      the speech, silence cut out, 16 kHz
 * @param durationSec the length of the sample as decoded
 */
public record PreparedSample(SpeechSignal speech, double durationSec) {
    public double speechSec() {
        return speech.samples().length / (double) SpeechSignal.RATE;
    }
}
