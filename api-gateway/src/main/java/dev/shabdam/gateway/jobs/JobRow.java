package dev.shabdam.gateway.jobs;

import dev.shabdam.schemas.JobError;
import dev.shabdam.schemas.JobStatus;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.VoiceEvent;

import java.time.Instant;
import java.util.Map;

/**
 * One row of the {@code jobs} table.
 *
 * @param result         the result as JSON text, or null
 * @param outputs        output name → storage key
 * @param mediaDeletedAt when its uploads and outputs were deleted ({@link JobMedia}); null while they are kept
 */
public record JobRow(
        String jobId,
        String tenantId,
        JobType type,
        JobStatus status,
        String stage,
        double progress,
        JobError error,
        String result,
        Map<String, String> outputs,
        Instant createdAt,
        Instant updatedAt,
        Instant mediaDeletedAt) {

    /** The outputs that can still be downloaded: none once the job's media were deleted. */
    public Map<String, String> availableOutputs() {
        return mediaDeletedAt == null ? outputs : Map.of();
    }

    /**
     * This job as a final event says it ended. The pipeline writes the row and the event separately,
     * so the event may arrive before the row shows it; a row that is already final stays as it is.
     */
    public JobRow withFinalEvent(VoiceEvent event) {
        if (status.isFinal()) {
            return this;
        }
        return new JobRow(
                jobId,
                tenantId,
                type,
                event.status(),
                event.stage() != null ? event.stage() : stage,
                event.progress(),
                event.error() != null ? event.error() : error,
                event.result() != null ? event.result() : result,
                event.outputs().isEmpty() ? outputs : event.outputs(),
                createdAt,
                event.at() != null ? event.at() : updatedAt,
                mediaDeletedAt);
    }
}
