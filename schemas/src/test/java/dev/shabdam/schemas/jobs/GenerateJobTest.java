package dev.shabdam.schemas.jobs;

import dev.shabdam.speech.AudioFormat;
import dev.shabdam.speech.SynthesisException;
import dev.shabdam.speech.prosody.Emotion;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerateJobTest {

    @Test
    void travelsAsStringParametersAndBack() {
        GenerateJob request = new GenerateJob(
                "നമസ്കാരം", Language.ML, "ml", new Prosody(1.25, -3, Emotion.HAPPY, 0.8), AudioFormat.MP3, true);

        assertThat(GenerateJob.fromParameters(request.toParameters())).isEqualTo(request);
    }

    @Test
    void defaultsAreNeutralMalayalamWav() {
        GenerateJob request = GenerateJob.fromParameters(Map.of("text", "hello"));

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
        assertThatThrownBy(() -> GenerateJob.fromParameters(parameters))
                .isInstanceOfSatisfying(
                        SynthesisException.class, e -> assertThat(e.codeName()).isEqualTo(code));
    }

    @Test
    void theSharedCacheOptInTravelsBesideTheRequest() {
        Map<String, String> own =
                GenerateJob.fromParameters(Map.of("text", "hello")).toParameters();
        Map<String, String> shared = GenerateJob.inSharedCache(own);

        assertThat(GenerateJob.sharesCache(own)).isFalse();
        assertThat(GenerateJob.sharesCache(shared)).isTrue();
        assertThat(shared).containsEntry("sharedCache", "true");
        assertThat(GenerateJob.fromParameters(shared))
                .as("it says whose cache, not what is spoken")
                .isEqualTo(GenerateJob.fromParameters(own));
        assertThat(GenerateJob.sentenceOutput(3)).isEqualTo("sentence-3");
    }
}
