package dev.shabdam.schemas.jobs;

import dev.shabdam.schemas.JobType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DetectWatermarkJobTest {
    @Test
    void travelsAsItsParametersAndNamesItsInput() {
        DetectWatermarkJob job = new DetectWatermarkJob(null);

        assertThat(job.type()).isEqualTo(JobType.DETECT_WATERMARK);
        assertThat(DetectWatermarkJob.fromParameters(job.toParameters())).isEqualTo(job);
        assertThat(DetectWatermarkJob.inputs("uploads/j/file")).isEqualTo(Map.of("file", "uploads/j/file"));
    }

    @Test
    void numbersTheEventsAsTheUpsertNeedsThem() {
        UpsertOrder.assertUpsertSafe(List.of(DetectWatermarkEvents.DETECTION_STARTED), DetectWatermarkEvents.FINAL);
    }

    @Test
    void theWatermarkIdIsThirtyBitsOfTheJobIdsHash() {
        // SHA-256("job-1") begins 0x026ab639…: its top 30 bits
        assertThat(WatermarkId.of("job-1")).isEqualTo(0x026ab639 >>> 2);
        assertThat(WatermarkId.of("a")).isBetween(0, (1 << WatermarkId.BITS) - 1);
    }
}
