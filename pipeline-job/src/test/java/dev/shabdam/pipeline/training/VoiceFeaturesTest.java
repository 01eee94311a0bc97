package dev.shabdam.pipeline.training;

import dev.shabdam.pipeline.analysis.pitch.PitchTrack;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;
import dev.shabdam.schemas.RecordCodec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The features on signals whose answer is known by construction, the profile rule and the stored JSON. */
class VoiceFeaturesTest {
    private static final int RATE = SpeechSignal.RATE;

    @Test
    void lpcFindsTheFormantsOfASyntheticVowel() {
        double[] formants = {600, 1400, 2600};
        SpeechSignal vowel = new SpeechSignal(SyntheticVowel.of(120, formants, 1.0));
        double[] f0 = new double[vowel.frameCount()];
        java.util.Arrays.fill(f0, 120);
        double[] found = new FormantTracker().medianFormantsHz(vowel, new PitchTrack(f0, new double[f0.length]));
        for (int k = 0; k < 3; k++) {
            assertThat(found[k]).as("F" + (k + 1)).isCloseTo(formants[k], within(formants[k] * 0.05));
        }
    }

    @Test
    void featuresOfAVowelGiveItsPitchFormantsAndAFallingSpectrum() {
        VoiceFeatures features = VoiceFeatureExtractor.withoutEmbedding()
                .measure(new SpeechSignal(SyntheticVowel.of(150, new double[] {500, 1500, 2500}, 3.0)))
                .orElseThrow();
        assertThat(features.f0MedianHz()).isCloseTo(150, within(2.0));
        assertThat(features.f0RangeSemitones()).isLessThan(0.5);
        assertThat(features.formants()[1]).isCloseTo(1500, within(75.0));
        assertThat(features.spectralTiltDbPerOctave()).isNegative();
        assertThat(features.embedding()).isNull();
        assertThat(features.embeddingSkipped())
                .contains("wespeaker-resnet34-lm")
                .contains("not installed");
    }

    @Test
    void whiteNoiseRisesThreeDecibelsAnOctaveInThirdOctaveBands() {
        // each band is a third of an octave wide, so it holds twice the noise power an octave up
        Random random = new Random(1);
        float[] noise = new float[RATE * 10];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.1 * random.nextGaussian());
        }
        double[] bands = LongTermSpectrum.of(noise, RATE);
        assertThat(LongTermSpectrum.tiltDbPerOctave(bands)).isCloseTo(3.0, within(0.5));
        assertThat(java.util.Arrays.stream(bands).sum()).isCloseTo(0, within(1e-6));
    }

    @Test
    void aProfileNeedsTenSecondsOfAcceptedSpeech() {
        VoiceProfileAssembler assembler = new VoiceProfileAssembler(VoiceFeatureExtractor.withoutEmbedding());
        PreparedSample fourSeconds =
                new PreparedSample(new SpeechSignal(SyntheticVowel.of(140, new double[] {550, 1600, 2700}, 4.0)), 5.0);

        VoiceProfileAssembler.Outcome short_ = assembler.assemble(List.of(fourSeconds, fourSeconds));
        assertThat(short_.succeeded()).isFalse();
        assertThat(short_.error()).isEqualTo(VoiceProfileAssembler.INSUFFICIENT_AUDIO);

        VoiceProfileAssembler.Outcome enough = assembler.assemble(List.of(fourSeconds, fourSeconds, fourSeconds));
        assertThat(enough.succeeded()).isTrue();
        assertThat(enough.features().speechSec()).isCloseTo(12.0, within(0.01));
    }

    @Test
    void featuresSurviveTheirJson() throws Exception {
        VoiceFeatures features = new VoiceFeatureExtractor(Optional.empty())
                .measure(new SpeechSignal(SyntheticVowel.of(200, new double[] {700, 1800, 2900}, 2.0)))
                .orElseThrow();
        byte[] json = RecordCodec.encode(features);
        VoiceFeatures read = RecordCodec.mapper().readValue(json, VoiceFeatures.class);
        assertThat(read).isEqualTo(features);
        assertThat(RecordCodec.readTree(new String(json, java.nio.charset.StandardCharsets.UTF_8))
                        .get("f0MedianHz")
                        .asDouble())
                .isCloseTo(200, within(3.0));
    }
}
