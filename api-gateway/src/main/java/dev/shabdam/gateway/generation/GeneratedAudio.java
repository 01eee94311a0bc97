package dev.shabdam.gateway.generation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.gateway.jobs.JobRow;
import dev.shabdam.gateway.problems.InternalFailureException;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.jobs.GenerateJob;

/**
 * What a completed GENERATE job says about its audio: the storage key (output {@code audio}, which may
 * be a shared content-addressed cache key) and, from its result, whether it came from the cache and
 * how long it is.
 */
record GeneratedAudio(String key, boolean cached, String durationSec) {
    static GeneratedAudio of(JobRow job) {
        String key = job.outputs().get(GenerateJob.AUDIO);
        if (key == null) {
            throw missing(job.jobId());
        }
        JsonNode result = result(job.result());
        JsonNode duration = result.path("durationSec");
        return new GeneratedAudio(
                key, result.path("cached").asBoolean(false), duration.isNumber() ? duration.asText() : null);
    }

    static InternalFailureException missing(String jobId) {
        return new InternalFailureException("output_missing", "Job " + jobId + " completed without its audio.");
    }

    String cacheHeader() {
        return cached ? "HIT" : "MISS";
    }

    private static JsonNode result(String json) {
        try {
            return json == null
                    ? RecordCodec.mapper().createObjectNode()
                    : RecordCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return RecordCodec.mapper().createObjectNode();
        }
    }
}
