package dev.shabdam.pipeline.io;

import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.testsupport.TestPostgres;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The job's JDBC side against the test database ({@link TestPostgres}). */
public final class TestJdbc {
    private TestJdbc() {}

    /** What the job's JDBC sinks and lookups are given. */
    public static JdbcConnectionOptions connection() {
        return JobStateSinks.connection(TestPostgres.jdbcUrl(), TestPostgres.USER, null);
    }

    /** Runs a sink's statement with its binder, as the sink does for one event. */
    public static void execute(Connection c, String sql, JdbcStatementBuilder<VoiceEvent> binder, VoiceEvent event)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.accept(ps, event);
            ps.executeUpdate();
        }
    }
}
