package dev.shabdam.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.time.Instant;
import java.util.Map;

/**
 * A record of {@code voice.events}, and one row of {@code job_events}: progress or completion of a job.
 *
 * <p>{@code seq} numbers the events of one job deterministically (the same work always emits the
 * same numbers), so a replay after a failure overwrites rows instead of adding duplicates.
 *
 * @param schemaVersion version of the writer
 * @param jobId         job id (also the Kafka key)
 * @param tenantId      tenant owning the job
 * @param type          job type
 * @param seq           1, 2, … per job
 * @param kind          progress, completed, failed, cancelled
 * @param stage         the stage that emitted it (e.g. {@code probe})
 * @param progress      0.0–1.0 for the whole job
 * @param segment       segment number for per-segment progress, else null
 * @param durationMs    time the stage took, when the event closes a stage
 * @param result        the job's result as a JSON object, on completion
 * @param error         why it failed, on failure
 * @param outputs       output name → storage key
 * @param mediaSeconds  duration of the input media, when known
 * @param at            when the event happened
 */
public record VoiceEvent(
        int schemaVersion,
        String jobId,
        String tenantId,
        JobType type,
        int seq,
        EventKind kind,
        String stage,
        double progress,
        Integer segment,
        Long durationMs,
        @JsonRawValue @JsonDeserialize(using = RawJsonDeserializer.class) @JsonProperty("result") String result,
        JobError error,
        Map<String, String> outputs,
        Double mediaSeconds,
        Instant at) {

    public static final int CURRENT_VERSION = 1;

    public VoiceEvent {
        outputs = outputs == null ? Map.of() : outputs;
    }

    public JobStatus status() {
        return kind.status();
    }
}
