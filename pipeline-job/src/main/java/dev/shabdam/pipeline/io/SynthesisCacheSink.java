package dev.shabdam.pipeline.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shabdam.schemas.CacheScope;
import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.VoiceEvent;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * The {@code synthesis_cache} index: one row per content key and format, written when a GENERATE job
 * completes, with the result that {@link SynthesisCacheIndex} answers later hits with; a job answered
 * from the cache counts a hit. The audio itself is in object storage, stored before the completion is
 * recorded, so a row never names an object that is not there. Hit counts are approximate under replay
 * (an at-least-once sink may count a replayed hit twice); the rows and their storage keys are exact.
 */
public final class SynthesisCacheSink {
    static final String UPSERT = """
            INSERT INTO synthesis_cache (cache_key, storage_key, engine, voice_id, language, format,
                                         duration_sec, size_bytes, created_at, last_hit_at, hits, result)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, CAST(? AS jsonb))
            ON CONFLICT (cache_key, format) DO UPDATE SET
                hits = synthesis_cache.hits + CASE WHEN ? THEN 1 ELSE 0 END,
                last_hit_at = CASE WHEN ? THEN EXCLUDED.created_at ELSE synthesis_cache.last_hit_at END,
                result = COALESCE(synthesis_cache.result, EXCLUDED.result)
            """;

    private SynthesisCacheSink() {}

    public static JdbcSink<VoiceEvent> create(JdbcConnectionOptions connection) {
        return JobStateSinks.sink(UPSERT, SynthesisCacheSink::bind, connection);
    }

    /** Which events touch the index: completed generations. */
    public static final class CompletedGenerations implements FilterFunction<VoiceEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean filter(VoiceEvent event) {
            return event.type() == JobType.GENERATE && event.kind() == EventKind.COMPLETED && event.result() != null;
        }
    }

    static void bind(PreparedStatement ps, VoiceEvent event) throws SQLException {
        JsonNode result = RecordCodec.readTree(event.result());
        boolean hit = result.path("cached").asBoolean();
        ps.setString(1, result.path("cacheKey").asText());
        // the cache's own object: a marked job's output is its own copy (see GenerateOperator)
        ps.setString(
                2,
                CacheScope.of(event.tenantId(), result.path("sharedCache").asBoolean())
                        .storageKey(
                                result.path("cacheKey").asText(),
                                result.path("format").asText()));
        ps.setString(3, result.path("engine").asText());
        ps.setString(4, result.hasNonNull("voiceId") ? result.get("voiceId").asText() : null);
        ps.setString(5, result.path("language").asText());
        ps.setString(6, result.path("format").asText());
        ps.setDouble(7, result.path("durationSec").asDouble());
        ps.setLong(8, result.path("sizeBytes").asLong());
        ps.setTimestamp(9, Timestamp.from(event.at()));
        ps.setString(10, entry(result).toString());
        ps.setBoolean(11, hit);
        ps.setBoolean(12, hit);
    }

    /** The result as a cache entry: what every answer of this key shares, without this answer's hit flag. */
    private static JsonNode entry(JsonNode result) {
        ObjectNode entry = result.deepCopy();
        entry.remove("cached");
        return entry;
    }
}
