package dev.shabdam.pipeline.io;

import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.VoiceEvent;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;

/**
 * JDBC sinks that keep the {@code jobs} and {@code job_events} tables in step with the events.
 *
 * <p>Why at-least-once is enough: after a failure Flink replays the events since the last
 * checkpoint, so a sink may write an event twice, but never skips one. Both statements are
 * idempotent upserts keyed by what the event is, not by when it arrived: a {@code job_events} row
 * is (job_id, seq), and the same work always gets the same seq, so a replay overwrites the row;
 * a {@code jobs} row only moves forward (higher seq) and never leaves a final status, so a
 * replayed or late event changes nothing. Applying an event twice has the effect of applying it
 * once: exactly-once effects without XA transactions.
 */
public final class JobStateSinks {
    static final String UPSERT_JOB = """
            INSERT INTO jobs (job_id, tenant_id, type, status, stage, progress, result, outputs,
                              error_code, error_detail, media_seconds, last_event_seq, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, ?, ?, ?)
            ON CONFLICT (job_id) DO UPDATE SET
                status = EXCLUDED.status,
                stage = EXCLUDED.stage,
                progress = EXCLUDED.progress,
                result = COALESCE(EXCLUDED.result, jobs.result),
                outputs = jobs.outputs || EXCLUDED.outputs,
                error_code = EXCLUDED.error_code,
                error_detail = EXCLUDED.error_detail,
                media_seconds = COALESCE(EXCLUDED.media_seconds, jobs.media_seconds),
                last_event_seq = EXCLUDED.last_event_seq,
                updated_at = EXCLUDED.updated_at
            WHERE jobs.last_event_seq < EXCLUDED.last_event_seq
              AND jobs.status NOT IN ('COMPLETED', 'FAILED', 'CANCELLED')
            """;

    static final String UPSERT_JOB_EVENT = """
            INSERT INTO job_events (job_id, seq, tenant_id, kind, stage, progress, segment, duration_ms,
                                    error_code, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (job_id, seq) DO UPDATE SET
                kind = EXCLUDED.kind,
                stage = EXCLUDED.stage,
                progress = EXCLUDED.progress,
                segment = EXCLUDED.segment,
                duration_ms = EXCLUDED.duration_ms,
                error_code = EXCLUDED.error_code,
                created_at = EXCLUDED.created_at
            """;

    /** Small batches, flushed at least every 200 ms, so the API sees progress without a write per event. */
    private static final JdbcExecutionOptions EXECUTION = JdbcExecutionOptions.builder()
            .withBatchSize(100)
            .withBatchIntervalMs(200)
            .withMaxRetries(3)
            .build();

    private JobStateSinks() {}

    public static JdbcConnectionOptions connection(String url, String user, String password) {
        return new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                .withUrl(url)
                .withDriverName("org.postgresql.Driver")
                .withUsername(user)
                .withPassword(password)
                .build();
    }

    public static JdbcSink<VoiceEvent> jobs(JdbcConnectionOptions connection) {
        return sink(UPSERT_JOB, JobStateSinks::bindJob, connection);
    }

    public static JdbcSink<VoiceEvent> jobEvents(JdbcConnectionOptions connection) {
        return sink(UPSERT_JOB_EVENT, JobStateSinks::bindJobEvent, connection);
    }

    static JdbcSink<VoiceEvent> sink(
            String sql, JdbcStatementBuilder<VoiceEvent> binder, JdbcConnectionOptions connection) {
        return JdbcSink.<VoiceEvent>builder()
                .withQueryStatement(sql, binder)
                .withExecutionOptions(EXECUTION)
                .buildAtLeastOnce(connection);
    }

    static void bindJob(PreparedStatement ps, VoiceEvent event) throws SQLException {
        Timestamp at = Timestamp.from(event.at());
        ps.setString(1, event.jobId());
        ps.setString(2, event.tenantId());
        ps.setString(3, event.type().name());
        ps.setString(4, event.status().name());
        ps.setString(5, event.stage());
        ps.setDouble(6, event.progress());
        ps.setString(7, event.result());
        ps.setString(8, new String(RecordCodec.encode(event.outputs()), StandardCharsets.UTF_8));
        ps.setString(9, event.error() == null ? null : event.error().code());
        ps.setString(10, event.error() == null ? null : event.error().detail());
        setNullable(ps, 11, event.mediaSeconds(), Types.DOUBLE);
        ps.setInt(12, event.seq());
        ps.setTimestamp(13, at);
        ps.setTimestamp(14, at);
    }

    static void bindJobEvent(PreparedStatement ps, VoiceEvent event) throws SQLException {
        ps.setString(1, event.jobId());
        ps.setInt(2, event.seq());
        ps.setString(3, event.tenantId());
        ps.setString(4, event.kind().name());
        ps.setString(5, event.stage());
        ps.setDouble(6, event.progress());
        setNullable(ps, 7, event.segment(), Types.INTEGER);
        setNullable(ps, 8, event.durationMs(), Types.BIGINT);
        ps.setString(9, event.error() == null ? null : event.error().code());
        ps.setTimestamp(10, Timestamp.from(event.at()));
    }

    private static void setNullable(PreparedStatement ps, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType);
        } else {
            ps.setObject(index, value, sqlType);
        }
    }
}
