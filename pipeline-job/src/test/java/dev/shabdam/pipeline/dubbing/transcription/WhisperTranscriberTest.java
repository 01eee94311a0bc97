package dev.shabdam.pipeline.dubbing.transcription;

import dev.shabdam.pipeline.dubbing.transcription.ScriptedWhisper.Script;
import dev.shabdam.speech.SynthesisException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.shabdam.pipeline.dubbing.transcription.TestTokenizer.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The transcriber against {@link ScriptedWhisper}: whatever it hears, the stand-in says what the test
 * scripted, provided the transcriber drives its KV cache as the real merged decoder needs.
 */
class WhisperTranscriberTest {
    private static final float[] TWO_SECONDS = new float[2 * WhisperFeatures.SAMPLE_RATE_HZ];
    /** Positions 0–2 are the prompt <|startoftranscript|><|lang|><|transcribe|>; position 2 predicts the first token. */
    private static final int FIRST = 2;

    @TempDir
    Path modelsDir;

    private List<TimedText> transcribe(Script en, Script ml, String language) throws Exception {
        ScriptedWhisper.install(modelsDir, en, ml);
        try (WhisperTranscriber whisper = WhisperTranscriber.load(modelsDir)) {
            return whisper.transcribe(TWO_SECONDS, language);
        }
    }

    /** English says two segments; Malayalam one. At position 0, a text token beats <|ml|>, which beats <|en|>. */
    private static Script english() {
        return new Script(12)
                .favour(0, HELLO, 20)
                .favour(0, ML, 15)
                .favour(0, EN, 10)
                .saying(
                        FIRST,
                        timestamp(0),
                        HELLO,
                        WORLD,
                        timestamp(1.2),
                        timestamp(1.4),
                        AGAIN,
                        timestamp(2.0),
                        END_OF_TEXT);
    }

    private static Script malayalam() {
        return new Script(12)
                .saying(FIRST, timestamp(0.1), NAMASKARAM_1, NAMASKARAM_2, NAMASKARAM_3, timestamp(0.8), END_OF_TEXT);
    }

    @Test
    void greedyDecodingWithTheCacheGivesTheScriptedSegments() throws Exception {
        assertThat(transcribe(english(), malayalam(), "en"))
                .containsExactly(new TimedText(0, 1200, "Hello world"), new TimedText(1400, 2000, "again"));
    }

    @Test
    void theLanguageTokenReachesTheModelThroughTheCache() throws Exception {
        assertThat(transcribe(english(), malayalam(), "ml")).containsExactly(new TimedText(100, 800, "നമസ്കാരം"));
    }

    @Test
    void autoTakesTheLikeliestLanguageTokenAndGoesOnInIt() throws Exception {
        assertThat(transcribe(english(), malayalam(), WhisperTranscriber.AUTO))
                .containsExactly(new TimedText(100, 800, "നമസ്കാരം"));
    }

    @Test
    void timestampRulesOverruleTheRawArgmax() throws Exception {
        Script en = new Script(12)
                // the first token must be a timestamp, of at most 1 s
                .favour(FIRST, HELLO, 20)
                .favour(FIRST, timestamp(1.5), 19)
                .favour(FIRST, timestamp(0.4), 18)
                // one timestamp opened a segment: text must follow
                .favour(FIRST + 1, timestamp(0.6), 20)
                .favour(FIRST + 1, WORLD, 19)
                // no going back in time; the timestamps together (log 3 above 19.5) beat the best text token (20)
                .favour(FIRST + 2, timestamp(0.2), 21)
                .favour(FIRST + 2, HELLO, 20)
                .favour(FIRST + 2, timestamp(1.0), 19.5f)
                .favour(FIRST + 2, timestamp(1.02), 19.5f)
                .favour(FIRST + 2, timestamp(1.04), 19.5f)
                // text then a timestamp closed the segment: no text may follow, so the end
                .favour(FIRST + 3, AGAIN, 20);
        assertThat(transcribe(en, malayalam(), "en")).containsExactly(new TimedText(400, 1000, "world"));
    }

    @Test
    void stopsAfter224TokensAndEndsTheOpenSegmentWithTheAudio() throws Exception {
        int sampled = WhisperTranscriber.MAX_SAMPLED_TOKENS;
        Script en = new Script(FIRST + sampled + 1).saying(FIRST, timestamp(0.5));
        for (int p = FIRST + 1; p < FIRST + sampled + 1; p++) {
            en.saying(p, LA);
        }
        List<TimedText> text = transcribe(en, malayalam(), "en");
        assertThat(text).hasSize(1);
        assertThat(text.get(0).startMs()).isEqualTo(500);
        assertThat(text.get(0).endMs()).isEqualTo(2000);
        assertThat(text.get(0).text().split(" ")).hasSize(sampled - 1).containsOnly("la");
    }

    @Test
    void anUnknownLanguageIsRefused() throws Exception {
        assertThatThrownBy(() -> transcribe(english(), malayalam(), "xx")).hasMessageContaining("'xx'");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                WhisperTranscriber.ENCODER_FILE,
                WhisperTranscriber.DECODER_FILE,
                WhisperTranscriber.TOKENIZER_FILE
            })
    void aMissingFileIsModelMissingNamingItAndTheFetchCommand(String file) throws Exception {
        ScriptedWhisper.install(modelsDir, english(), malayalam());
        Files.delete(modelsDir.resolve(file));
        assertThatThrownBy(() -> WhisperTranscriber.load(modelsDir))
                .isInstanceOf(SynthesisException.class)
                .hasMessageContaining(modelsDir.resolve(file).toAbsolutePath().toString())
                .hasMessageContaining("models/manifest.json")
                .extracting(e -> ((SynthesisException) e).codeName())
                .isEqualTo("model_missing");
    }
}
