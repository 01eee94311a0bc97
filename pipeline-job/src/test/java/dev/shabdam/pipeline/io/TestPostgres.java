package dev.shabdam.pipeline.io;

import dev.shabdam.schemas.VoiceEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** One real PostgreSQL (embedded binaries) per test JVM with the real schema (Flyway's migrations). */
public final class TestPostgres {
    private static EmbeddedPostgres postgres;

    private TestPostgres() {
    }

    public static synchronized DataSource dataSource() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting anyway
                }
            }));
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate();
        }
        return postgres.getPostgresDatabase();
    }

    /** What the job's JDBC sinks and lookups are given. */
    public static JdbcConnectionOptions connection() {
        dataSource();
        return JobStateSinks.connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
    }

    /** Runs a sink's statement with its binder, as the sink does for one event. */
    public static void execute(Connection c, String sql, JdbcStatementBuilder<VoiceEvent> binder, VoiceEvent event)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.accept(ps, event);
            ps.executeUpdate();
        }
    }

    /** The first column of the one row {@code sql} must answer, as text. */
    public static String query(String sql) throws SQLException {
        try (Connection c = dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            assertThat(rs.next()).as("a row for " + sql).isTrue();
            return rs.getString(1);
        }
    }
}
