package dev.shabdam.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** One real PostgreSQL (embedded binaries) per test JVM with the real schema (Flyway's migrations). */
public final class TestPostgres {
    /** The server's superuser, as whom the tests connect. */
    public static final String USER = "postgres";

    private static EmbeddedPostgres postgres;

    private TestPostgres() {}

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

    /** The JDBC URL of the migrated database, for code that connects by URL (as {@link #USER}, no password). */
    public static String jdbcUrl() {
        dataSource();
        return postgres.getJdbcUrl(USER, "postgres");
    }

    /**
     * A database of its own in the same server, made on first use and left empty: for a client that migrates
     * it itself and must not see the others' rows.
     */
    public static synchronized String jdbcUrl(String database) {
        try (Connection c = dataSource().getConnection();
                Statement statement = c.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: made by an earlier client
                throw new IllegalStateException(e);
            }
        }
        return postgres.getJdbcUrl(USER, database);
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
