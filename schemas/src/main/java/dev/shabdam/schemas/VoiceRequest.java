package dev.shabdam.schemas;

import java.time.Instant;
import java.util.Map;

/**
 * A record of {@code voice.requests}: one submitted job, or the cancellation of one.
 * It carries storage keys of the inputs, never media bytes.
 *
 * <p>Schema history: version 1 had no {@code action}; version 2 added it (default SUBMIT).
 *
 * @param schemaVersion version of the writer
 * @param jobId         job id (also the Kafka key)
 * @param tenantId      tenant owning the job
 * @param type          what the job does
 * @param action        submit or cancel (since version 2)
 * @param parameters    small job parameters, all strings
 * @param inputs        input name → storage key
 * @param submittedAt   when the gateway accepted the job
 */
public record VoiceRequest(
        int schemaVersion,
        String jobId,
        String tenantId,
        JobType type,
        RequestAction action,
        Map<String, String> parameters,
        Map<String, String> inputs,
        Instant submittedAt) {

    public static final int CURRENT_VERSION = 2;

    public VoiceRequest {
        action = action == null ? RequestAction.SUBMIT : action;
        parameters = parameters == null ? Map.of() : parameters;
        inputs = inputs == null ? Map.of() : inputs;
    }

    public static VoiceRequest submit(
            String jobId,
            String tenantId,
            JobType type,
            Map<String, String> parameters,
            Map<String, String> inputs,
            Instant submittedAt) {
        return new VoiceRequest(
                CURRENT_VERSION, jobId, tenantId, type, RequestAction.SUBMIT, parameters, inputs, submittedAt);
    }

    public static VoiceRequest cancel(String jobId, String tenantId, JobType type, Instant at) {
        return new VoiceRequest(CURRENT_VERSION, jobId, tenantId, type, RequestAction.CANCEL, Map.of(), Map.of(), at);
    }
}
