package dev.shabdam.speech;

import dev.shabdam.speech.prosody.Emotion;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerationParametersTest {

    @Test
    void travelsAsStringParametersAndBack() {
        GenerationParameters request = new GenerationParameters("നമസ്കാരം", Language.ML, "ml",
                new Prosody(1.25, -3, Emotion.HAPPY, 0.8), AudioFormat.MP3, true);

        assertThat(GenerationParameters.fromParameters(request.toParameters())).isEqualTo(request);
    }

    @Test
    void defaultsAreNeutralMalayalamWav() {
        GenerationParameters request = GenerationParameters.fromParameters(Map.of("text", "hello"));

        assertThat(request.language()).isEqualTo(Language.ML);
        assertThat(request.prosody()).isEqualTo(Prosody.NEUTRAL);
        assertThat(request.format()).isEqualTo(AudioFormat.WAV);
        assertThat(request.stream()).isFalse();
    }

    @Test
    void badParametersCarryTheirCodes() {
        assertCode(Map.of("text", " "), "empty_text");
        assertCode(Map.of("text", "x", "speed", "10"), "invalid_parameter");
        assertCode(Map.of("text", "x", "speed", "fast"), "invalid_parameter");
        assertCode(Map.of("text", "x", "language", "fr"), "unsupported_language");
        assertCode(Map.of("text", "x", "format", "flac"), "invalid_parameter");
        assertCode(Map.of("text", "x", "emotion", "bored"), "invalid_parameter");
        assertCode(Map.of("text", "x", "voiceId", "/etc/hostname"), "invalid_voice");
    }

    private static void assertCode(Map<String, String> parameters, String code) {
        assertThatThrownBy(() -> GenerationParameters.fromParameters(parameters))
                .isInstanceOfSatisfying(SynthesisException.class, e -> assertThat(e.codeName()).isEqualTo(code));
    }
}
