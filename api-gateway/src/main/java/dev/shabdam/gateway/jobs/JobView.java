package dev.shabdam.gateway.jobs;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.shabdam.schemas.JobError;
import dev.shabdam.schemas.JobStatus;
import dev.shabdam.schemas.JobType;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** A job as the API shows it. */
public record JobView(
        String jobId,
        JobType type,
        JobStatus status,
        @Schema(description = "0.0–1.0") double progress,
        String stage,
        JobError error,
        Instant createdAt,
        Instant updatedAt,

        @JsonRawValue @Schema(type = "object", description = "the job type's result, once completed")
        String result,

        @Schema(description = "output name → download path") Map<String, String> outputs,

        @Schema(
                description = "when the job's uploads and outputs were deleted (DELETE of a finished job, or the "
                        + "retention period); absent while they are kept")
        Instant mediaDeletedAt) {

    public static JobView of(JobRow row) {
        Map<String, String> links = new TreeMap<>();
        row.availableOutputs().keySet().forEach(name -> links.put(name, JobLinks.output(row.jobId(), name)));
        return new JobView(
                row.jobId(),
                row.type(),
                row.status(),
                row.progress(),
                row.stage(),
                row.error(),
                row.createdAt(),
                row.updatedAt(),
                row.result(),
                links,
                row.mediaDeletedAt());
    }
}
