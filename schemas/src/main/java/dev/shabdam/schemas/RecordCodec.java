package dev.shabdam.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON encoding of the Kafka records. Readers ignore fields they do not know (a newer writer may add
 * optional fields) and refuse records that lack what every version has (id, tenant, type).
 */
public final class RecordCodec {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .build();

    private RecordCodec() {}

    public static byte[] encode(Object record) {
        try {
            return MAPPER.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static VoiceRequest decodeRequest(byte[] bytes) throws UnreadableRecordException {
        VoiceRequest request = read(bytes, VoiceRequest.class);
        requirePresent(request.jobId(), "jobId");
        requirePresent(request.tenantId(), "tenantId");
        if (request.type() == null) {
            throw new UnreadableRecordException("missing or unknown job type");
        }
        return request;
    }

    public static VoiceEvent decodeEvent(byte[] bytes) throws UnreadableRecordException {
        VoiceEvent event = read(bytes, VoiceEvent.class);
        requirePresent(event.jobId(), "jobId");
        if (event.kind() == null) {
            throw new UnreadableRecordException("missing or unknown event kind");
        }
        return event;
    }

    /**
     * Embedded JSON that this system wrote itself (a job's result): failing to read it is a bug, not
     * bad input, hence unchecked.
     */
    public static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The mapper, for callers that build or read embedded JSON (results) in the same dialect. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static <T> T read(byte[] bytes, Class<T> type) throws UnreadableRecordException {
        if (bytes == null || bytes.length == 0) {
            throw new UnreadableRecordException("empty record");
        }
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null) {
                throw new UnreadableRecordException("record is JSON null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new UnreadableRecordException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnreadableRecordException("not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static void requirePresent(String value, String field) throws UnreadableRecordException {
        if (value == null || value.isBlank()) {
            throw new UnreadableRecordException("missing " + field);
        }
    }
}
