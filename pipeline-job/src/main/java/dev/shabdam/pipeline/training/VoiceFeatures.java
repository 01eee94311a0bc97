package dev.shabdam.pipeline.training;

import java.util.List;

/**
 * What a voice profile knows of a voice, measured on its accepted speech (every value from DSP on the
 * 16 kHz track except {@code embedding}). Stored as the profile's JSON (RecordCodec's mapper).
 *
 * @param speechSec                  seconds of speech it was measured on
 * @param f0MedianHz                 median F0 of the voiced frames
 * @param f0LowHz                    5th percentile of F0: the bottom of the range (the extremes are tracker errors)
 * @param f0HighHz                   95th percentile of F0: the top of the range
 * @param formantsHz                 F1, F2, F3: medians over the voiced frames (LPC, {@link FormantTracker})
 * @param ltasDb                     long-term average spectrum in the third-octave bands of {@link LongTermSpectrum}, dB around 0
 * @param spectralTiltDbPerOctave    slope of the long-term spectrum
 * @param syllablesPerSec            speaking rate (syllable nuclei per second of speaking time); null when none was found
 * @param mfccStats                  mean and standard deviation of MFCC 1–20 and their deltas ({@code mfcc-stats})
 * @param embeddingModel             the neural speaker embedding's model id, null when none ran
 * @param embedding                  its vector, null when none ran
 * @param embeddingSkipped           why there is no neural embedding (the model is not installed), null when there is
 */
public record VoiceFeatures(
        double speechSec,
        double f0MedianHz,
        double f0LowHz,
        double f0HighHz,
        List<Double> formantsHz,
        List<Double> ltasDb,
        double spectralTiltDbPerOctave,
        Double syllablesPerSec,
        List<Float> mfccStats,
        String embeddingModel,
        List<Float> embedding,
        String embeddingSkipped) {

    public VoiceFeatures {
        formantsHz = List.copyOf(formantsHz);
        ltasDb = List.copyOf(ltasDb);
        mfccStats = List.copyOf(mfccStats);
        embedding = embedding == null ? null : List.copyOf(embedding);
    }

    /** The F0 range, top over bottom, in semitones. */
    public double f0RangeSemitones() {
        return 12 * LongTermSpectrum.log2(f0HighHz / f0LowHz);
    }

    public double[] formants() {
        return formantsHz.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public double[] ltas() {
        return ltasDb.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
