package dev.shabdam.speech;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DubParametersTest {

    @Test
    void defaultsDubEnglishIntoMalayalamKeepingTheBackground() {
        DubParameters parameters = DubParameters.fromParameters(Map.of());

        assertThat(parameters).isEqualTo(new DubParameters("en", "ml", null, true, false, false));
    }

    @Test
    void survivesTheTripThroughAJobsParameters() {
        DubParameters parameters = new DubParameters("auto", "ml", "piper-ml-in-arjun", false, true, true);

        assertThat(DubParameters.fromParameters(parameters.toParameters())).isEqualTo(parameters);
    }

    @Test
    void refusesLanguagesItCannotDubAndFlagsThatAreNotBooleans() {
        assertThatThrownBy(() -> DubParameters.fromParameters(Map.of("targetLanguage", "fr")))
                .isInstanceOfSatisfying(SynthesisException.class,
                        e -> assertThat(e.code()).isEqualTo(SynthesisException.Code.UNSUPPORTED_LANGUAGE));
        assertThatThrownBy(() -> DubParameters.fromParameters(Map.of("sourceLanguage", "xx")))
                .hasMessageContaining("sourceLanguage");
        assertThatThrownBy(() -> DubParameters.fromParameters(Map.of("lipSync", "yes")))
                .isInstanceOfSatisfying(SynthesisException.class,
                        e -> assertThat(e.code()).isEqualTo(SynthesisException.Code.INVALID_PARAMETER))
                .hasMessage("lipSync must be true or false, not yes");
    }

    @Test
    void aVoiceIdThatIsNotAVoiceNameIsRefused() {
        assertThatThrownBy(() -> DubParameters.fromParameters(Map.of("voiceId", "../../etc/passwd")))
                .isInstanceOfSatisfying(SynthesisException.class,
                        e -> assertThat(e.code()).isEqualTo(SynthesisException.Code.INVALID_VOICE));
        assertThat(DubParameters.fromParameters(Map.of("voiceId", "espeak:en-us")).voiceId()).isEqualTo("espeak:en-us");
    }
}
