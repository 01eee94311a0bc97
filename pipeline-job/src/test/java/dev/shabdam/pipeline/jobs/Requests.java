package dev.shabdam.pipeline.jobs;

import dev.shabdam.pipeline.io.RawRecord;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.Topics;
import dev.shabdam.schemas.VoiceRequest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** Requests and raw records for tests. */
public final class Requests {
    public static final String TENANT = "tenant-a";
    public static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    private Requests() {
    }

    public static VoiceRequest analyze(String jobId, String inputKey) {
        return VoiceRequest.submit(jobId, TENANT, JobType.ANALYZE, Map.of(), Map.of("file", inputKey), AT);
    }

    public static VoiceRequest submit(String jobId, JobType type) {
        return VoiceRequest.submit(jobId, TENANT, type, Map.of(), Map.of(), AT);
    }

    public static VoiceRequest cancel(String jobId, JobType type) {
        return VoiceRequest.cancel(jobId, TENANT, type, AT);
    }

    public static RawRecord raw(VoiceRequest request) {
        return raw(request.jobId(), RecordCodec.encode(request));
    }

    public static RawRecord raw(String key, String value) {
        return raw(key, value.getBytes(StandardCharsets.UTF_8));
    }

    public static RawRecord raw(String key, byte[] value) {
        return new RawRecord(Topics.REQUESTS, 0, 42, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    }
}
