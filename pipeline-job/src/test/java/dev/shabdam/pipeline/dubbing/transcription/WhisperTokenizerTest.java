package dev.shabdam.pipeline.dubbing.transcription;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.shabdam.pipeline.dubbing.transcription.TestTokenizer.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WhisperTokenizerTest {
    @TempDir
    Path dir;

    @Test
    void findsTheSpecialTokens() throws Exception {
        WhisperTokenizer tokenizer = WhisperTokenizer.load(write(dir.resolve("tokenizer.json")));
        assertThat(tokenizer.startOfTranscript()).isEqualTo(START_OF_TRANSCRIPT);
        assertThat(tokenizer.transcribe()).isEqualTo(TRANSCRIBE);
        assertThat(tokenizer.endOfText()).isEqualTo(END_OF_TEXT);
        assertThat(tokenizer.languages()).containsOnlyKeys("en", "ml");
        assertThat(tokenizer.language("ml")).hasValue(ML);
        assertThat(tokenizer.language("xx")).isEmpty();
        // no timestamp tokens listed: they start right after <|notimestamps|>
        assertThat(tokenizer.timestampBegin()).isEqualTo(NO_TIMESTAMPS + 1);
        assertThat(tokenizer.isTimestamp(TIMESTAMP_BEGIN)).isTrue();
        assertThat(tokenizer.isTimestamp(NO_TIMESTAMPS)).isFalse();
    }

    @Test
    void listedTimestampsStartAtTheirOwnId() throws Exception {
        WhisperTokenizer tokenizer = WhisperTokenizer.load(write(dir.resolve("tokenizer.json"), true, 40));
        assertThat(tokenizer.timestampBegin()).isEqualTo(40);
    }

    @Test
    void decodesByteLevelTokensToUtf8() throws Exception {
        WhisperTokenizer tokenizer = WhisperTokenizer.load(write(dir.resolve("tokenizer.json")));
        assertThat(tokenizer.decode(List.of(HELLO, WORLD))).isEqualTo(" Hello world");
        assertThat(tokenizer.decode(List.of(NAMASKARAM_1, NAMASKARAM_2, NAMASKARAM_3)))
                .isEqualTo(" നമസ്കാരം");
        assertThat(tokenizer.decode(List.of(ODD_BYTES))).isEqualTo("\u00ad\n é");
        assertThat(tokenizer.decode(List.of())).isEmpty();
    }

    @Test
    void anIdOutsideTheVocabularyIsAnError() throws Exception {
        WhisperTokenizer tokenizer = WhisperTokenizer.load(write(dir.resolve("tokenizer.json")));
        assertThatThrownBy(() -> tokenizer.decode(List.of(9999))).hasMessageContaining("9999");
    }
}
