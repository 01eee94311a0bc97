package dev.shabdam.pipeline.dubbing.transcription;

import dev.shabdam.pipeline.analysis.dsp.Resampler;
import dev.shabdam.pipeline.dubbing.SpeechTranscription;
import dev.shabdam.pipeline.dubbing.transcription.ScriptedWhisper.Script;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.media.SileroVad;
import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.pipeline.synthesis.engine.EspeakRequired;
import dev.shabdam.pipeline.synthesis.engine.EspeakSynthesizer;
import dev.shabdam.pipeline.synthesis.engine.SynthesisRequest;
import dev.shabdam.speech.prosody.EmotionTable;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.subtitles.Cue;
import dev.shabdam.speech.text.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.shabdam.pipeline.dubbing.transcription.TestTokenizer.AGAIN;
import static dev.shabdam.pipeline.dubbing.transcription.TestTokenizer.END_OF_TEXT;
import static dev.shabdam.pipeline.dubbing.transcription.TestTokenizer.HELLO;
import static dev.shabdam.pipeline.dubbing.transcription.TestTokenizer.WORLD;
import static dev.shabdam.pipeline.dubbing.transcription.TestTokenizer.timestamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Dubbing without subtitles: the real Silero VAD finds two spoken lines in a track, and each is heard by
 * Whisper (here the scripted stand-in with Whisper's signature) into one cue at the line's time.
 */
class SpeechTranscriptionTest {
    /** Tests run in pipeline-job/; models/fetch puts the model under the repository root. */
    private static final Path SILERO = Stream.of(Path.of("../models/cache"), Path.of("models/cache"))
            .map(dir -> dir.resolve(SileroVad.MODEL_FILE))
            .filter(Files::isRegularFile)
            .findFirst()
            .orElse(null);

    private static final int RATE = 16_000;

    @TempDir
    Path models;

    @Test
    void eachSpokenLineBecomesACueOfWhatWhisperHeard() throws Exception {
        EspeakRequired.assumeInstalled("SpeechTranscriptionTest");
        assumeTrue(SILERO != null, "skipped: silero_vad_v5.onnx not found under models/cache (run models/fetch)");
        Files.copy(SILERO, models.resolve(SileroVad.MODEL_FILE));
        Script says = new Script(12).saying(2, timestamp(0), HELLO, WORLD, AGAIN, timestamp(1.0), END_OF_TEXT);
        ScriptedWhisper.install(models, says, says);
        float[] first = speech("The quick brown fox jumps over the lazy dog.");
        float[] second = speech("Every morning she walks to the market.");
        float[] track = new float[5 * RATE + first.length + second.length];
        System.arraycopy(first, 0, track, RATE / 2, first.length);
        int secondAt = RATE / 2 + first.length + 2 * RATE;
        System.arraycopy(second, 0, track, secondAt, second.length);

        List<Cue> cues;
        try (SpeechTranscription transcription = new SpeechTranscription(models)) {
            // in one-second blocks, as a decoder hands out a film's track
            cues = transcription.transcribe(DecodedAudio.mono(RATE, track).blocks(RATE), "en");
        }

        assertThat(cues).extracting(Cue::text).containsExactly("Hello world again", "Hello world again");
        assertThat(cues.get(0).startMs()).isCloseTo(500, within(200L));
        assertThat(cues.get(0).endMs()).isCloseTo(500 + first.length * 1000L / RATE, within(300L));
        assertThat(cues.get(1).startMs()).isCloseTo(secondAt * 1000L / RATE, within(200L));
    }

    @Test
    void withoutWhisperItSaysWhichModelIsMissingBeforeReadingAnything() throws Exception {
        try (SpeechTranscription transcription = new SpeechTranscription(models)) {
            assertThatThrownBy(transcription::requireModels).hasMessageContaining(WhisperTranscriber.ENCODER_FILE);
        }
    }

    private static float[] speech(String text) {
        Audio audio = new EspeakSynthesizer(EmotionTable.fromClasspath())
                .synthesize(new SynthesisRequest(text, Language.EN, null, Prosody.NEUTRAL));
        return Resampler.resample(audio.samples(), audio.sampleRate(), RATE);
    }
}
