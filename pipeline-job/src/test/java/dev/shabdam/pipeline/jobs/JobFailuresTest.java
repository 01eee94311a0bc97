package dev.shabdam.pipeline.jobs;

import dev.shabdam.pipeline.media.MediaDecodeException;
import dev.shabdam.schemas.JobError;
import org.junit.jupiter.api.Test;

import java.nio.file.NoSuchFileException;

import static org.assertj.core.api.Assertions.assertThat;

/** What a failed job tells its client: a code, and a reason that names no file of the TaskManager. */
class JobFailuresTest {

    @Test
    void ffmpegsMessageKeepsItsReasonButNotTheTemporaryFilesPath() {
        JobError error = JobFailures.describe(
                new MediaDecodeException("not a readable video file: avformat_open_input()"
                        + " error -1094995529: Could not open input \"/tmp/shabdam-local-4711/input.mp4\""),
                "DUB job 1");

        assertThat(error.code()).isEqualTo("unsupported_media");
        assertThat(error.detail())
                .contains("Could not open input \"input.mp4\"")
                .doesNotContain("/tmp");
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorWithoutItsPath() {
        JobError error =
                JobFailures.describe(new NoSuchFileException("/opt/shabdam/models/silero_vad_v5.onnx"), "job 2");

        assertThat(error.code()).isEqualTo("internal_error");
        assertThat(error.detail()).isEqualTo("java.nio.file.NoSuchFileException: silero_vad_v5.onnx");
    }
}
