package dev.shabdam.pipeline.synthesis.engine;

import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.pipeline.synthesis.audio.MedianPitch;
import dev.shabdam.speech.SynthesisException;
import dev.shabdam.speech.prosody.Emotion;
import dev.shabdam.speech.prosody.EmotionTable;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EspeakSynthesizerTest {

    static final String ML = "ഇന്ന് നല്ല കാലാവസ്ഥയാണ്, നമുക്ക് പുറത്ത് പോയി കളിക്കാം.";
    static final String EN = "Today the weather is lovely, so let us go outside and play.";

    private static EspeakSynthesizer engine;

    @BeforeAll
    static void loadEngine() {
        EspeakRequired.assumeInstalled("espeak engine tests");
        engine = new EspeakSynthesizer(EmotionTable.fromClasspath());
    }

    private static Audio say(String text, Language language, Prosody prosody) {
        return engine.synthesize(new SynthesisRequest(text, language, null, prosody));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void speaksRealAudio(Language language) {
        Audio audio = say(language == Language.ML ? ML : EN, language, Prosody.NEUTRAL);
        assertThat(audio.sampleRate()).isEqualTo(22050);
        assertThat(audio.durationSeconds()).isGreaterThan(0.5);
        assertThat(audio.rmsDbfs()).isGreaterThan(-40);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.5, 2.0})
    void speedScalesDurationRoughlyByItsInverse(double speed) {
        double base = say(ML, Language.ML, Prosody.NEUTRAL).durationSeconds();
        double scaled = say(ML, Language.ML, Prosody.NEUTRAL.withSpeed(speed)).durationSeconds();
        assertThat(scaled / base).isCloseTo(1 / speed, within(0.25 / speed));
    }

    @ParameterizedTest
    @ValueSource(doubles = {4, -4, 7})
    void pitchShiftLandsWithinOneSemitone(double semitones) {
        double base = MedianPitch.hz(say(ML, Language.ML, Prosody.NEUTRAL));
        Audio shifted = say(ML, Language.ML, Prosody.NEUTRAL.withPitch(semitones));
        double measured = 12 * Math.log(MedianPitch.hz(shifted) / base) / Math.log(2);
        assertThat(measured).isCloseTo(semitones, within(1.0));
        assertThat(shifted.durationSeconds())
                .isCloseTo(say(ML, Language.ML, Prosody.NEUTRAL).durationSeconds(), within(0.01));
    }

    /** Each emotion must move duration by 5 %, median F0 by 1 semitone or RMS by 1.5 dB. */
    @ParameterizedTest
    @EnumSource(value = Emotion.class, names = "NEUTRAL", mode = EnumSource.Mode.EXCLUDE)
    void emotionsDifferMeasurablyFromNeutral(Emotion emotion) {
        Audio neutral = say(ML, Language.ML, Prosody.NEUTRAL);
        Audio coloured = say(ML, Language.ML, Prosody.NEUTRAL.withEmotion(emotion));
        double durationChange = Math.abs(coloured.durationSeconds() / neutral.durationSeconds() - 1);
        double f0Change = Math.abs(12 * Math.log(MedianPitch.hz(coloured) / MedianPitch.hz(neutral)) / Math.log(2));
        double rmsChange = Math.abs(coloured.rmsDbfs() - neutral.rmsDbfs());
        System.out.printf(
                "emotion %s: duration %+.1f%%, F0 %.2f st, RMS %.2f dB%n",
                emotion, 100 * durationChange, f0Change, rmsChange);
        assertThat(durationChange > 0.05 || f0Change > 1.0 || rmsChange > 1.5).isTrue();
    }

    /**
     * libespeak-ng is not bit-repeatable even sequentially (see {@link Espeak}; up to ~8 % of a
     * sentence's length, depending on what was spoken before), so "the same" means: length
     * within 15 %, level within 1 dB, median F0 within 1 semitone. Unserialised calls mix two
     * requests' PCM into one buffer (one result about doubles, another comes back empty) or
     * crash the JVM, far outside these bounds.
     */
    @Test
    void concurrentSynthesisMatchesSequential() throws Exception {
        List<String> texts =
                List.of(ML, "രണ്ടാമത്തെ വാക്യം ഇതാണ്.", "മൂന്നാമത്തെ വാക്യം.", "നാലാമത്തെ വാക്യം വളരെ നീണ്ടതാണ്.");
        List<Prosody> prosodies = List.of(
                Prosody.NEUTRAL,
                Prosody.NEUTRAL.withSpeed(1.4),
                Prosody.NEUTRAL.withPitch(3),
                Prosody.NEUTRAL.withEmotion(Emotion.SAD));
        List<Audio> sequential = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sequential.add(say(texts.get(i), Language.ML, prosodies.get(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<Audio>> futures = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    int k = i;
                    futures.add(pool.submit(() -> say(texts.get(k), Language.ML, prosodies.get(k))));
                }
                for (int i = 0; i < 4; i++) {
                    Audio concurrent = futures.get(i).get();
                    Audio reference = sequential.get(i);
                    assertThat(concurrent.durationSeconds())
                            .isCloseTo(reference.durationSeconds(), within(0.15 * reference.durationSeconds()));
                    assertThat(concurrent.rmsDbfs()).isCloseTo(reference.rmsDbfs(), within(1.0));
                    assertThat(12 * Math.log(MedianPitch.hz(concurrent) / MedianPitch.hz(reference)) / Math.log(2))
                            .isCloseTo(0, within(1.0));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownVoiceIsReported() {
        assertThatThrownBy(() ->
                        engine.synthesize(new SynthesisRequest("ശരി", Language.ML, "no-such-voice", Prosody.NEUTRAL)))
                .isInstanceOf(SynthesisException.class)
                .extracting(e -> ((SynthesisException) e).codeName())
                .isEqualTo("voice_not_found");
    }

    @Test
    void outOfRangeControlsAreInvalidParameters() {
        for (Runnable bad : List.<Runnable>of(
                () -> Prosody.NEUTRAL.withSpeed(10),
                () -> Prosody.NEUTRAL.withPitch(13),
                () -> Prosody.NEUTRAL.withVolume(-1),
                () -> Emotion.fromName("bored"))) {
            assertThatThrownBy(bad::run)
                    .extracting(e -> ((SynthesisException) e).codeName())
                    .isEqualTo("invalid_parameter");
        }
    }
}
