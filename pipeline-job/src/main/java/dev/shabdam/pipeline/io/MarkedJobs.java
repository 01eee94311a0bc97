package dev.shabdam.pipeline.io;

import org.apache.flink.connector.jdbc.JdbcConnectionOptions;

import java.io.IOException;
import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The job a watermark names, among one tenant's jobs: the {@code jobs} table's {@code watermark_id} column
 * (filled on insert, migration V8) holds what each job's mark carries. Only jobs that make marked outputs
 * count, and only the asking tenant's: a mark of another tenant's job names nothing. Among jobs whose ids
 * share the 30 bits (rare), the newest.
 */
public final class MarkedJobs implements Serializable {
    private static final long serialVersionUID = 1L;

    static final String FIND = """
            SELECT job_id FROM jobs
            WHERE tenant_id = ? AND watermark_id = ? AND type IN ('GENERATE', 'DUB')
            ORDER BY created_at DESC LIMIT 1
            """;

    private final KeptConnection connection;

    public MarkedJobs(JdbcConnectionOptions connection) {
        this.connection = new KeptConnection(connection);
    }

    /** The tenant's job whose outputs carry {@code watermarkId}; a failed lookup is an error, not "none". */
    public Optional<String> find(String tenantId, int watermarkId) throws IOException {
        try {
            PreparedStatement statement = connection.statement(FIND);
            statement.setString(1, tenantId);
            statement.setInt(2, watermarkId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException | ClassNotFoundException e) {
            close();
            throw new IOException("looking up the job of a watermark failed", e);
        }
    }

    public void close() {
        connection.close();
    }
}
