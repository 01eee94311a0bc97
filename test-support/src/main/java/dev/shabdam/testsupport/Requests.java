package dev.shabdam.testsupport;

import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.VoiceRequest;

import java.time.Instant;
import java.util.Map;

/** Requests for tests: one tenant, one instant, the inputs a job type reads. */
public final class Requests {
    public static final String TENANT = "tenant-a";
    public static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    private Requests() {}

    public static VoiceRequest analyze(String jobId, String inputKey) {
        return VoiceRequest.submit(jobId, TENANT, JobType.ANALYZE, Map.of(), Map.of("file", inputKey), AT);
    }

    public static VoiceRequest submit(String jobId, JobType type) {
        return VoiceRequest.submit(jobId, TENANT, type, Map.of(), Map.of(), AT);
    }

    public static VoiceRequest cancel(String jobId, JobType type) {
        return VoiceRequest.cancel(jobId, TENANT, type, AT);
    }
}
