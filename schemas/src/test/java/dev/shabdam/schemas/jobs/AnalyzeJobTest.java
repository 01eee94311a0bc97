package dev.shabdam.schemas.jobs;

import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.speech.SynthesisException;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalyzeJobTest {

    @Test
    void readsTheRecordingAsVersion1RequestsNamedIt() throws Exception {
        try (InputStream in = AnalyzeJobTest.class.getResourceAsStream("/records/v1/analyze-request.json")) {
            VoiceRequest request = RecordCodec.decodeRequest(in.readAllBytes());

            assertThat(request.inputs()).containsKey(AnalyzeJob.MEDIA);
            assertThat(AnalyzeJob.fromParameters(request.parameters())).isEqualTo(new AnalyzeJob(null, null, null));
        }
    }

    @Test
    void sendsWhatTheUploadIsAndLeavesTheDefaultsUnsaid() {
        AnalyzeJob job = new AnalyzeJob(null, null, new InputFormat("audio", "wav"));

        assertThat(job.type()).isEqualTo(JobType.ANALYZE);
        assertThat(job.target()).isEqualTo(LoudnessTarget.PODCAST);
        assertThat(job.cloning()).isFalse();
        assertThat(job.toParameters()).isEqualTo(Map.of("media", "audio", "format", "wav"));
        assertThat(AnalyzeJob.fromParameters(job.toParameters())).isEqualTo(job);
    }

    @Test
    void survivesTheTripThroughAJobsParameters() {
        AnalyzeJob job = new AnalyzeJob(LoudnessTarget.BROADCAST, true, new InputFormat("video", "mp4"));

        assertThat(job.toParameters()).containsEntry("target", "broadcast").containsEntry("purpose", "cloning");
        assertThat(AnalyzeJob.fromParameters(job.toParameters())).isEqualTo(job);
    }

    @Test
    void refusesALoudnessTargetItDoesNotKnow() {
        assertThatThrownBy(() -> AnalyzeJob.fromParameters(Map.of("target", "cinema")))
                .isInstanceOfSatisfying(
                        SynthesisException.class, e -> assertThat(e.codeName()).isEqualTo("invalid_parameter"))
                .hasMessage("unknown loudness target 'cinema': podcast or broadcast");
        assertThat(AnalyzeJob.fromParameters(Map.of("target", "Broadcast")).target())
                .isEqualTo(LoudnessTarget.BROADCAST);
        assertThat(AnalyzeJob.fromParameters(Map.of("purpose", "archive")).cloning())
                .isFalse();
    }

    @Test
    void namesItsInput() {
        assertThat(AnalyzeJob.inputs("uploads/t/j/input.wav")).isEqualTo(Map.of("file", "uploads/t/j/input.wav"));
    }
}
