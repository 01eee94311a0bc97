package dev.shabdam.schemas;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobErrorTest {

    @Test
    void detailLosesControlCharactersThatPostgresWouldRefuse() {
        JobError error =
                new JobError("unsupported_media", "Invalid data found\u0000\u0000\u0000 when processing input\n");

        assertThat(error.detail()).isEqualTo("Invalid data found when processing input");
    }

    @Test
    void detailIsBounded() {
        JobError error = new JobError("internal_error", "x".repeat(10_000));

        assertThat(error.detail()).hasSize(JobError.MAX_DETAIL_LENGTH + 1).endsWith("…");
    }

    @Test
    void detailNamesNoFilesystemPath() {
        JobError error = new JobError(
                "unsupported_media",
                "Could not open input \"/tmp/shabdam-job-17/input.wav\": Invalid data found when processing input");

        assertThat(error.detail())
                .isEqualTo("Could not open input \"input.wav\": Invalid data found when processing input");
    }
}
