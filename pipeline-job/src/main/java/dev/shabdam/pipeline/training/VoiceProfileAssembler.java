package dev.shabdam.pipeline.training;

import dev.shabdam.pipeline.analysis.speech.SpeechSignal;

import java.util.List;
import java.util.Optional;

/**
 * The profile rule: the accepted samples' speech, {@value #MIN_ACCEPTED_SPEECH_SEC} s of it or more
 * in all, measured as one recording (so each sample counts by its length); less is
 * {@value #INSUFFICIENT_AUDIO}. A profile of less speech would rest its F0 range and formants on a
 * handful of syllables.
 */
public final class VoiceProfileAssembler {
    public static final double MIN_ACCEPTED_SPEECH_SEC = 10.0;
    public static final String INSUFFICIENT_AUDIO = "insufficient_audio";

    /** The features, or the error code that says why there are none. */
    public record Outcome(VoiceFeatures features, String error) {
        public boolean succeeded() {
            return features != null;
        }
    }

    private final VoiceFeatureExtractor extractor;

    public VoiceProfileAssembler(VoiceFeatureExtractor extractor) {
        this.extractor = extractor;
    }

    /** @param accepted the samples the quality gate accepted */
    public Outcome assemble(List<PreparedSample> accepted) {
        double speechSec =
                accepted.stream().mapToDouble(PreparedSample::speechSec).sum();
        if (speechSec < MIN_ACCEPTED_SPEECH_SEC) {
            return new Outcome(null, INSUFFICIENT_AUDIO);
        }
        return featuresOf(accepted)
                .map(f -> new Outcome(f, null))
                .orElseGet(() -> new Outcome(null, INSUFFICIENT_AUDIO));
    }

    /** The features of the samples' speech joined, whatever its length (measurements that know the rule is not met). */
    public Optional<VoiceFeatures> featuresOf(List<PreparedSample> samples) {
        return extractor.measure(joined(samples));
    }

    private static SpeechSignal joined(List<PreparedSample> samples) {
        int total = samples.stream().mapToInt(s -> s.speech().samples().length).sum();
        float[] all = new float[total];
        int at = 0;
        for (PreparedSample sample : samples) {
            float[] x = sample.speech().samples();
            System.arraycopy(x, 0, all, at, x.length);
            at += x.length;
        }
        return new SpeechSignal(all);
    }
}
