package dev.shabdam.schemas;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

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
 * @param inlineOutputs since version 2: output name → the output's bytes (base64), for outputs of at most
 *                      {@link #MAX_INLINE_OUTPUT_BYTES} on records of {@code voice.replies} only, so a
 *                      waiting client is answered without a read from storage; the output is in storage as
 *                      well, unless it is a streamed sentence (the finished file holds it). Never on
 *                      {@code voice.events} or in the tables ({@link #withoutInlineOutputs()}).
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

        @JsonRawValue @JsonDeserialize(using = RawJsonDeserializer.class) @JsonProperty("result")
        String result,

        JobError error,
        Map<String, String> outputs,
        Double mediaSeconds,
        Instant at,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> inlineOutputs) {

    public static final int CURRENT_VERSION = 2;
    /** The largest output that travels inline: base64 makes it 683 KiB, under Kafka's default 1 MiB for a message. */
    public static final int MAX_INLINE_OUTPUT_BYTES = 512 * 1024;

    public VoiceEvent {
        outputs = outputs == null ? Map.of() : outputs;
        inlineOutputs = inlineOutputs == null ? Map.of() : inlineOutputs;
    }

    /** An event without inline outputs, as every event of version 1 was. */
    public VoiceEvent(
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
            String result,
            JobError error,
            Map<String, String> outputs,
            Double mediaSeconds,
            Instant at) {
        this(
                schemaVersion,
                jobId,
                tenantId,
                type,
                seq,
                kind,
                stage,
                progress,
                segment,
                durationMs,
                result,
                error,
                outputs,
                mediaSeconds,
                at,
                Map.of());
    }

    public JobStatus status() {
        return kind.status();
    }

    /** This event carrying {@code bytes} inline as the output {@code name}. */
    public VoiceEvent withInlineOutput(String name, byte[] bytes) {
        return new VoiceEvent(
                schemaVersion,
                jobId,
                tenantId,
                type,
                seq,
                kind,
                stage,
                progress,
                segment,
                durationMs,
                result,
                error,
                outputs,
                mediaSeconds,
                at,
                Map.of(name, Base64.getEncoder().encodeToString(bytes)));
    }

    /** This event as {@code voice.events} and the tables keep it: naming its outputs, not carrying them. */
    public VoiceEvent withoutInlineOutputs() {
        return inlineOutputs.isEmpty()
                ? this
                : new VoiceEvent(
                        schemaVersion,
                        jobId,
                        tenantId,
                        type,
                        seq,
                        kind,
                        stage,
                        progress,
                        segment,
                        durationMs,
                        result,
                        error,
                        outputs,
                        mediaSeconds,
                        at);
    }

    /** The bytes of output {@code name} when the event carries them inline. */
    public Optional<byte[]> inlineOutput(String name) {
        return Optional.ofNullable(inlineOutputs.get(name)).map(Base64.getDecoder()::decode);
    }
}
