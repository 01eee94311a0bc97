package dev.shabdam.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

/**
 * PostgreSQL for the local stack: the embedded binaries from Maven Central, or a server the user
 * configured. Either way the schema is brought up to date with the project's Flyway migrations.
 */
public final class PostgresServer implements AutoCloseable {
    private final EmbeddedPostgres embedded;
    private final JdbcTarget target;

    private PostgresServer(EmbeddedPostgres embedded, JdbcTarget target) {
        this.embedded = embedded;
        this.target = target;
    }

    /** Starts the embedded server on a free port. */
    public static PostgresServer startEmbedded() throws Exception {
        EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
        return new PostgresServer(
                embedded,
                migrated(new JdbcTarget(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")));
    }

    /** {@link #startEmbedded()} for use in lambdas. */
    static PostgresServer startEmbeddedUnchecked() {
        try {
            return startEmbedded();
        } catch (Exception e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
    }

    /** Uses a server the user runs (SHABDAM_JDBC_URL); nothing is started or stopped. */
    public static PostgresServer external(JdbcTarget target) {
        return new PostgresServer(null, migrated(target));
    }

    public JdbcTarget target() {
        return target;
    }

    private static JdbcTarget migrated(JdbcTarget target) {
        Flyway.configure()
                .dataSource(target.url(), target.user(), target.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return target;
    }

    @Override
    public void close() throws Exception {
        if (embedded != null) {
            embedded.close();
        }
    }

    /** Where and as whom to connect. */
    public record JdbcTarget(String url, String user, String password) {}
}
