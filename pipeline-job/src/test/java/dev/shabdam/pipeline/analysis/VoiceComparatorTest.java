package dev.shabdam.pipeline.analysis;

import dev.shabdam.pipeline.analysis.speaker.MfccStatsEmbedder;
import dev.shabdam.pipeline.media.DecodedAudio;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VoiceComparatorTest {
    private static final int RATE = 16000;
    private final VoiceComparator comparator = new VoiceComparator();

    private static DecodedAudio voice(double f0, double tilt, double seconds) {
        return DecodedAudio.mono(RATE, TestSignals.syllables(RATE, f0, 3, tilt, 4, 2.0, 0.5, seconds, 0.3));
    }

    @Test
    void aSignalAgainstItself() {
        DecodedAudio a = voice(120, 1.0, 8);
        ComparisonResult r = comparator.compare(a, a);
        assertThat(r.speakerSimilarity()).isCloseTo(1.0, within(1e-6));
        assertThat(r.melCepstralDistortionDb()).isCloseTo(0.0, within(1e-6));
        assertThat(r.durationRatio()).isEqualTo(1.0);
        assertThat(r.loudnessDiffLu()).isCloseTo(0.0, within(1e-9));
        assertThat(r.pitchDiffSemitones()).isCloseTo(0.0, within(1e-9));
        assertThat(r.embedding()).isEqualTo(MfccStatsEmbedder.ID);
    }

    @Test
    void aDifferentVoiceIsFurtherAway() {
        DecodedAudio a = voice(120, 1.0, 8);
        DecodedAudio similar = voice(125, 1.1, 6);
        DecodedAudio different = voice(240, 2.5, 6);
        ComparisonResult near = comparator.compare(a, similar);
        ComparisonResult far = comparator.compare(a, different);
        System.out.println("similar: " + near + "\ndifferent: " + far);
        assertThat(far.speakerSimilarity()).isLessThan(near.speakerSimilarity());
        assertThat(far.melCepstralDistortionDb()).isGreaterThan(near.melCepstralDistortionDb());
        assertThat(far.durationRatio()).isCloseTo(8.0 / 6.0, within(1e-9));
        assertThat(far.pitchDiffSemitones()).isCloseTo(-12.0, within(0.5));
    }
}
