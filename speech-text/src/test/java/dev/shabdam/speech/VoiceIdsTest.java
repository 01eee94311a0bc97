package dev.shabdam.speech;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VoiceIdsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ml",
                "en",
                "mms-tts-mal",
                "piper-ml-in-meera-medium",
                "v1.2_x",
                "espeak:en-us",
                "espeak:ml",
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
            })
    void voiceNamesPass(String id) {
        assertThat(VoiceIds.require(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../../../../etc/passwd",
                "/etc/hostname",
                "piper/ml_IN-meera-medium",
                "ML",
                "ml_IN-meera",
                ".hidden",
                "-x",
                "",
                " ml",
                "ml ",
                "a\\b",
                "espeak:",
                "espeak:../x",
                "espeak:espeak:ml",
                "x:y",
                "ന",
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0"
            })
    void anythingElseIsAnInvalidVoice(String id) {
        assertThatThrownBy(() -> VoiceIds.require(id))
                .isInstanceOfSatisfying(
                        SynthesisException.class, e -> assertThat(e.codeName()).isEqualTo("invalid_voice"));
    }

    @Test
    void theRefusalDoesNotEchoThePath() {
        assertThatThrownBy(() -> VoiceIds.require("../../../../etc/passwd")).hasMessageNotContaining("passwd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"espeak:ml", "../x", "Asha"})
    void personaIdsHaveNoEnginePrefix(String id) {
        assertThatThrownBy(() -> VoiceIds.requirePersonaId(id))
                .isInstanceOfSatisfying(
                        SynthesisException.class, e -> assertThat(e.codeName()).isEqualTo("invalid_voice"));
    }
}
