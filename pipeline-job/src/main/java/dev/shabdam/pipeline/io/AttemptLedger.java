package dev.shabdam.pipeline.io;

import dev.shabdam.schemas.JobError;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The {@code job_attempts} table: how many times a work operator began a record without finishing it,
 * counted where a crash cannot undo the count (keyed state rolls back with the task; this table does
 * not). One statement before the work ({@link #begin}), one after it ({@link #finished}); the latter
 * comes after the work's answer has been emitted, so a waiting client waits for one round trip only.
 *
 * <p>It fails open: when the table cannot be reached the work runs uncounted (logged), since stopping
 * all work while the database is away would be worse than a poison pill tried once more. Each operator
 * instance has its own copy and connection ({@link KeptConnection}).
 */
public final class AttemptLedger implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AttemptLedger.class);

    /**
     * Counts one more attempt; answers the count, how the previous attempt died and how long ago it began. An
     * attempt that will run starts with no failure noted (one lost with its TaskManager notes none); one past
     * the limit keeps the last failure, so every replay of a quarantined record is answered the same.
     */
    static final String BEGIN = """
            WITH previous AS (SELECT started_at, failure_code, failure_detail FROM job_attempts
                              WHERE operator = ? AND record_key = ?)
            INSERT INTO job_attempts AS a (operator, record_key, attempts, started_at) VALUES (?, ?, 1, now())
            ON CONFLICT (operator, record_key) DO UPDATE SET attempts = a.attempts + 1, started_at = now(),
                failure_code = CASE WHEN a.attempts < ? THEN NULL ELSE a.failure_code END,
                failure_detail = CASE WHEN a.attempts < ? THEN NULL ELSE a.failure_detail END
            RETURNING a.attempts, (SELECT failure_code FROM previous), (SELECT failure_detail FROM previous),
                      (EXTRACT(EPOCH FROM now() - (SELECT started_at FROM previous)) * 1000)::bigint
            """;

    static final String CRASHED = """
            UPDATE job_attempts SET failure_code = ?, failure_detail = ? WHERE operator = ? AND record_key = ?
            """;
    static final String FINISHED = "DELETE FROM job_attempts WHERE operator = ? AND record_key = ?";
    /**
     * A quarantined record keeps its row while it may still be replayed: until a checkpoint is taken past
     * it, seconds later. A day is plenty; forgetting bounds the table.
     */
    static final String FORGET_OLD = "DELETE FROM job_attempts WHERE started_at < now() - interval '1 day'";

    static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final KeptConnection connection;
    private transient long retryAtNanos;

    public AttemptLedger(JdbcConnectionOptions connection) {
        this.connection = new KeptConnection(connection);
    }

    /**
     * One beginning of a record's work.
     *
     * @param number          1 for the first attempt, 2 for the first retry, …; 0 when it could not be counted
     * @param previousFailure how the previous attempt died, when the operator saw it die; else null
     * @param sincePrevious   how long ago the previous attempt began; null for the first
     */
    public record Attempt(int number, JobError previousFailure, Duration sincePrevious) {
        static final Attempt UNCOUNTED = new Attempt(0, null, null);
    }

    /**
     * Counts an attempt of {@code operator} at the record {@code recordKey}, before its work.
     *
     * @param maxAttempts the attempts that run; a later one is answered without work, and keeps the last failure
     */
    public Attempt begin(String operator, String recordKey, int maxAttempts) {
        if (unavailable()) {
            return Attempt.UNCOUNTED;
        }
        try {
            if (!connection.isOpen()) {
                connection.statement(FORGET_OLD).executeUpdate();
            }
            PreparedStatement begin = connection.statement(BEGIN);
            begin.setString(1, operator);
            begin.setString(2, recordKey);
            begin.setString(3, operator);
            begin.setString(4, recordKey);
            begin.setInt(5, maxAttempts);
            begin.setInt(6, maxAttempts);
            try (ResultSet row = begin.executeQuery()) {
                row.next();
                long sinceMs = row.getLong(4);
                Duration sincePrevious = row.wasNull() ? null : Duration.ofMillis(sinceMs);
                String code = row.getString(2);
                return new Attempt(
                        row.getInt(1), code == null ? null : new JobError(code, row.getString(3)), sincePrevious);
            }
        } catch (SQLException | ClassNotFoundException e) {
            LOG.warn("{} of {}: attempts cannot be counted, working uncounted: {}", operator, recordKey, e.toString());
            lost();
            return Attempt.UNCOUNTED;
        }
    }

    /** Notes how the current attempt died, for the answer if the record is quarantined. */
    public void crashed(String operator, String recordKey, JobError failure) {
        execute(CRASHED, failure.code(), failure.detail(), operator, recordKey);
    }

    /** The record's work is done (whatever its answer): a replay of it starts counting afresh. */
    public void finished(String operator, String recordKey) {
        execute(FINISHED, operator, recordKey);
    }

    public void close() {
        connection.close();
    }

    private void execute(String sql, String... values) {
        if (unavailable()) {
            return;
        }
        try {
            PreparedStatement statement = connection.statement(sql);
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException | ClassNotFoundException e) {
            LOG.warn("job_attempts could not be updated: {}", e.toString());
            lost();
        }
    }

    /**
     * The database did not answer: the connection is dropped, and for {@link #RETRY_AFTER} records are not counted
     * at all, so that each of them does not wait on a connection attempt of its own (twice, begin and end).
     */
    private void lost() {
        connection.close();
        retryAtNanos = System.nanoTime() + RETRY_AFTER.toNanos();
    }

    private boolean unavailable() {
        return retryAtNanos != 0 && System.nanoTime() - retryAtNanos < 0;
    }
}
