package dev.shabdam.pipeline.training;

import dev.shabdam.pipeline.analysis.pitch.PitchTrack;
import dev.shabdam.pipeline.analysis.pitch.PitchTracker;
import dev.shabdam.pipeline.analysis.speaker.MfccStatsEmbedder;
import dev.shabdam.pipeline.analysis.speaker.OnnxSpeakerEmbedder;
import dev.shabdam.pipeline.analysis.speaker.SpeakerEmbedder;
import dev.shabdam.pipeline.analysis.speech.EnergyVoiceActivity;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;
import dev.shabdam.pipeline.analysis.speech.SyllableCounter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Measures the {@link VoiceFeatures} of speech on the 16 kHz track, reusing the analysis's YIN pitch
 * tracker, syllable counter and MFCC statistics, with the LPC formants and the long-term spectrum of
 * this package. The neural embedding runs when a {@link SpeakerEmbedder} model is given (the WeSpeaker
 * entry of models/manifest.json, {@link OnnxSpeakerEmbedder#installed}); without one the features say
 * why it is missing. Safe to share between threads when the embedder is.
 */
public final class VoiceFeatureExtractor {
    static final String EMBEDDING_NOT_INSTALLED = "the speaker embedding model " + OnnxSpeakerEmbedder.ID
            + " is not installed (" + OnnxSpeakerEmbedder.FILE + " under the models dir; run models/fetch)";

    private final PitchTracker pitchTracker = new PitchTracker();
    private final FormantTracker formantTracker = new FormantTracker();
    private final SyllableCounter syllableCounter = new SyllableCounter();
    private final MfccStatsEmbedder mfccStats = new MfccStatsEmbedder();
    private final Optional<SpeakerEmbedder> neural;

    /** @param neural the neural speaker embedding, when its model is installed */
    public VoiceFeatureExtractor(Optional<SpeakerEmbedder> neural) {
        this.neural = neural;
    }

    /** DSP only: what the voice matcher measures its input with. */
    public static VoiceFeatureExtractor withoutEmbedding() {
        return new VoiceFeatureExtractor(Optional.empty());
    }

    /**
     * The features of {@code speech} (silence already cut, as {@link SamplePreprocessor} leaves it);
     * empty when it has too few voiced frames to place its formants.
     */
    public Optional<VoiceFeatures> measure(SpeechSignal speech) {
        PitchTrack pitch = pitchTracker.track(speech);
        double[] voiced =
                Arrays.stream(pitch.f0Hz()).filter(f -> f > 0).sorted().toArray();
        double[] formants = formantTracker.medianFormantsHz(speech, pitch);
        if (voiced.length == 0 || formants == null) {
            return Optional.empty();
        }
        boolean[] speechFrames = new EnergyVoiceActivity().speechFrames(speech.levels());
        double[] ltas = LongTermSpectrum.of(speech);
        float[] embedding = neural.map(e -> e.embed(speech)).orElse(null);
        return Optional.of(new VoiceFeatures(
                speech.samples().length / (double) SpeechSignal.RATE,
                percentile(voiced, 50),
                percentile(voiced, 5),
                percentile(voiced, 95),
                boxed(formants),
                boxed(ltas),
                LongTermSpectrum.tiltDbPerOctave(ltas),
                syllableCounter.rate(speech.levels(), speechFrames, pitch).syllablesPerSec(),
                boxed(mfccStats.embed(speech)),
                neural.map(SpeakerEmbedder::id).orElse(null),
                embedding == null ? null : boxed(embedding),
                neural.isPresent() ? null : EMBEDDING_NOT_INSTALLED));
    }

    static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.round(p / 100 * (sorted.length - 1))];
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static List<Float> boxed(float[] values) {
        List<Float> list = new ArrayList<>(values.length);
        for (float v : values) {
            list.add(v);
        }
        return list;
    }
}
