package dev.shabdam.schemas.jobs;

import dev.shabdam.schemas.JobType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CompareJobTest {

    @Test
    void sendsEachRecordingsFormatUnderItsInputsName() {
        CompareJob job = new CompareJob(new InputFormat("audio", "wav"), new InputFormat("audio", "flac"));

        assertThat(job.type()).isEqualTo(JobType.COMPARE);
        assertThat(job.toParameters())
                .isEqualTo(Map.of("a.media", "audio", "a.format", "wav", "b.media", "audio", "b.format", "flac"));
        assertThat(CompareJob.fromParameters(job.toParameters())).isEqualTo(job);
        assertThat(CompareJob.fromParameters(Map.of())).isEqualTo(new CompareJob(null, null));
    }

    @Test
    void namesItsInputsAFirst() {
        assertThat(CompareJob.inputs("ka", "kb")).containsExactly(Map.entry("a", "ka"), Map.entry("b", "kb"));
    }
}
