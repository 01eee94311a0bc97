package dev.shabdam.pipeline.io;

import dev.shabdam.pipeline.jobs.JobEvents;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.jobs.EventSeq;
import dev.shabdam.testsupport.Requests;
import dev.shabdam.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static dev.shabdam.pipeline.io.TestJdbc.execute;
import static dev.shabdam.testsupport.TestPostgres.query;
import static org.assertj.core.api.Assertions.assertThat;

/** What the synthesis_cache sink writes, the index finds: on the real schema, on a real PostgreSQL. */
class SynthesisCacheIndexTest {
    private final SynthesisCacheIndex index = new SynthesisCacheIndex(TestJdbc.connection());
    private final String cacheKey = UUID.randomUUID().toString().replace("-", "");

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void findsTheResultOfARecordedGenerationWithoutItsHitFlag() throws Exception {
        record(completed("wav", false));

        assertThat(index.find(cacheKey, "wav")).hasValueSatisfying(result -> {
            assertThat(RecordCodec.readTree(result).get("durationSec").asDouble())
                    .isEqualTo(1.25);
            assertThat(RecordCodec.readTree(result).has("cached")).isFalse();
        });
        assertThat(index.find(cacheKey, "mp3"))
                .as("another format is another entry")
                .isEmpty();
        assertThat(index.find("no-such-key", "wav")).isEmpty();
    }

    @Test
    void oneTextInTwoFormatsIsTwoEntriesAndHitsAreCounted() throws Exception {
        record(completed("wav", false));
        record(completed("mp3", false));
        record(completed("mp3", true));

        assertThat(row("storage_key", "wav")).isEqualTo(StorageKeys.synthesisCache(Requests.TENANT, cacheKey, "wav"));
        assertThat(row("storage_key", "mp3")).isEqualTo(StorageKeys.synthesisCache(Requests.TENANT, cacheKey, "mp3"));
        assertThat(row("hits", "wav")).isEqualTo("0");
        assertThat(row("hits", "mp3")).isEqualTo("1");
        assertThat(index.find(cacheKey, "mp3")).isPresent();
    }

    @Test
    void aRowFromBeforeResultsWereKeptIsAMiss() throws Exception {
        try (Connection c = TestPostgres.dataSource().getConnection()) {
            c.createStatement()
                    .execute("INSERT INTO synthesis_cache (cache_key, storage_key, engine, language, format,"
                            + " duration_sec, size_bytes, created_at) VALUES ('" + cacheKey
                            + "', 'k', 'espeak-ng', 'ml', 'wav',"
                            + " 1.0, 10, now())");
        }
        assertThat(index.find(cacheKey, "wav")).isEmpty();

        record(completed("wav", false));
        assertThat(index.find(cacheKey, "wav"))
                .as("the next generation fills it in")
                .isPresent();
    }

    @Test
    void anUnreachableDatabaseIsAMiss() {
        SynthesisCacheIndex unreachable = new SynthesisCacheIndex(
                JobStateSinks.connection("jdbc:postgresql://127.0.0.1:1/shabdam", "nobody", null));

        assertThat(unreachable.find(cacheKey, "wav")).isEmpty();
        unreachable.close();
    }

    private VoiceEvent completed(String format, boolean cached) {
        String result = RecordCodec.mapper()
                .createObjectNode()
                .put("durationSec", 1.25)
                .put("sampleRateHz", 22050)
                .put("format", format)
                .put("sizeBytes", 100)
                .put("language", "ml")
                .put("sentences", 1)
                .put("engine", "espeak-ng")
                .putNull("voiceId")
                .put("cacheKey", cacheKey)
                .put("cached", cached)
                .toString();
        return JobEvents.completed(
                Requests.submit("job-" + UUID.randomUUID(), JobType.GENERATE),
                EventSeq.FINAL,
                "synthesize",
                5,
                result,
                Map.of("audio", StorageKeys.synthesisCache(Requests.TENANT, cacheKey, format)),
                1.25);
    }

    private static void record(VoiceEvent event) throws SQLException {
        assertThat(new SynthesisCacheSink.CompletedGenerations().filter(event)).isTrue();
        try (Connection c = TestPostgres.dataSource().getConnection()) {
            execute(c, SynthesisCacheSink.UPSERT, SynthesisCacheSink::bind, event);
        }
    }

    private String row(String column, String format) throws SQLException {
        return query("SELECT " + column + "::text FROM synthesis_cache WHERE cache_key = '" + cacheKey
                + "' AND format = '" + format + "'");
    }
}
