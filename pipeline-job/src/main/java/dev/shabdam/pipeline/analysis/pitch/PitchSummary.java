package dev.shabdam.pipeline.analysis.pitch;

import java.util.Arrays;

/**
 * Pitch statistics over the voiced frames; every field is null when nothing is voiced.
 * Min and max are the extreme voiced frames as tracked (a single octave error shows there first).
 *
 * @param stdevSemitones spread of F0 on a musical scale (standard deviation of 12·log2 F0), the
 *                       measure of intonation that does not depend on how high the voice is
 */
public record PitchSummary(Double meanHz, Double medianHz, Double minHz, Double maxHz, Double stdevSemitones) {
    public static final PitchSummary NONE = new PitchSummary(null, null, null, null, null);

    public static PitchSummary of(PitchTrack track) {
        double[] voiced =
                Arrays.stream(track.f0Hz()).filter(f -> f > 0).sorted().toArray();
        if (voiced.length == 0) {
            return NONE;
        }
        double mean = Arrays.stream(voiced).average().orElseThrow();
        double median = voiced.length % 2 == 1
                ? voiced[voiced.length / 2]
                : 0.5 * (voiced[voiced.length / 2 - 1] + voiced[voiced.length / 2]);
        double[] semitones = Arrays.stream(voiced).map(PitchSummary::semitones).toArray();
        double meanSemitone = Arrays.stream(semitones).average().orElseThrow();
        double variance = Arrays.stream(semitones)
                        .map(s -> (s - meanSemitone) * (s - meanSemitone))
                        .sum()
                / semitones.length;
        return new PitchSummary(mean, median, voiced[0], voiced[voiced.length - 1], Math.sqrt(variance));
    }

    /** Semitones above 1 Hz: differences of these are musical intervals. */
    public static double semitones(double hz) {
        return 12 * Math.log(hz) / Math.log(2);
    }
}
