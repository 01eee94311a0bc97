package dev.shabdam.schemas.jobs;

import dev.shabdam.speech.SynthesisException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DubJobTest {

    @Test
    void defaultsDubEnglishIntoMalayalamKeepingTheBackground() {
        DubJob parameters = DubJob.fromParameters(Map.of());

        assertThat(parameters).isEqualTo(new DubJob("en", "ml", null, true, false, false, null));
    }

    @Test
    void survivesTheTripThroughAJobsParameters() {
        DubJob parameters =
                new DubJob("auto", "ml", "piper-ml-in-arjun", false, true, true, new InputFormat("video", "mp4"));

        assertThat(DubJob.fromParameters(parameters.toParameters())).isEqualTo(parameters);
    }

    @Test
    void refusesLanguagesItCannotDubAndFlagsThatAreNotBooleans() {
        assertThatThrownBy(() -> DubJob.fromParameters(Map.of("targetLanguage", "fr")))
                .isInstanceOfSatisfying(
                        SynthesisException.class,
                        e -> assertThat(e.code()).isEqualTo(SynthesisException.Code.UNSUPPORTED_LANGUAGE));
        assertThatThrownBy(() -> DubJob.fromParameters(Map.of("sourceLanguage", "xx")))
                .hasMessageContaining("sourceLanguage");
        assertThatThrownBy(() -> DubJob.fromParameters(Map.of("lipSync", "yes")))
                .isInstanceOfSatisfying(
                        SynthesisException.class,
                        e -> assertThat(e.code()).isEqualTo(SynthesisException.Code.INVALID_PARAMETER))
                .hasMessage("lipSync must be true or false, not yes");
    }

    @Test
    void aVoiceIdThatIsNotAVoiceNameIsRefused() {
        assertThatThrownBy(() -> DubJob.fromParameters(Map.of("voiceId", "../../etc/passwd")))
                .isInstanceOfSatisfying(
                        SynthesisException.class,
                        e -> assertThat(e.code()).isEqualTo(SynthesisException.Code.INVALID_VOICE));
        assertThat(DubJob.fromParameters(Map.of("voiceId", "espeak:en-us")).voiceId())
                .isEqualTo("espeak:en-us");
    }

    @Test
    void sendsWhatTheUploadIsBesideTheOptions() {
        DubJob job =
                DubJob.fromParameters(Map.of("keepOriginalTrack", "true")).withUpload(new InputFormat("video", "mp4"));

        assertThat(job.toParameters())
                .isEqualTo(Map.of(
                        "sourceLanguage",
                        "en",
                        "targetLanguage",
                        "ml",
                        "keepBackground",
                        "true",
                        "keepOriginalTrack",
                        "true",
                        "lipSync",
                        "false",
                        "media",
                        "video",
                        "format",
                        "mp4"));
    }

    @Test
    void namesItsInputsMediaFirstAndLeavesOutTheSubtitlesNotGiven() {
        assertThat(DubJob.inputs("km", "ks", "kt"))
                .containsExactly(Map.entry("file", "km"), Map.entry("subtitles", "ks"), Map.entry("translation", "kt"));
        assertThat(DubJob.inputs("km", null, "kt"))
                .containsExactly(Map.entry("file", "km"), Map.entry("translation", "kt"));
    }
}
