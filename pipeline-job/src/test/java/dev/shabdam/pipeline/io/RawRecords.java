package dev.shabdam.pipeline.io;

import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.Topics;
import dev.shabdam.schemas.VoiceRequest;

import java.nio.charset.StandardCharsets;

/** Records of {@code voice.requests} as the job's Kafka source hands them on, for tests. */
public final class RawRecords {
    private RawRecords() {}

    public static RawRecord of(VoiceRequest request) {
        return of(request.jobId(), RecordCodec.encode(request));
    }

    public static RawRecord of(String key, String value) {
        return of(key, value.getBytes(StandardCharsets.UTF_8));
    }

    public static RawRecord of(String key, byte[] value) {
        return new RawRecord(Topics.REQUESTS, 0, 42, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    }
}
