package dev.shabdam.pipeline.io;

import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Lookups in the {@code synthesis_cache} table, which {@link SynthesisCacheSink} fills: a row means the
 * audio is in storage, and carries the result to answer a hit with. One indexed read on a connection kept
 * open, instead of asking object storage whether an object exists and reading its result beside it.
 *
 * <p>Each operator instance gets its own copy and connection ({@link KeptConnection}). A lookup that
 * fails counts as a miss: the job synthesises again, storing the same bytes under the same key, which is
 * slower but right; the connection is opened afresh on the next lookup.
 */
public final class SynthesisCacheIndex implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SynthesisCacheIndex.class);

    static final String FIND = """
            SELECT result::text FROM synthesis_cache
            WHERE cache_key = ? AND format = ? AND result IS NOT NULL
            """;

    private final KeptConnection connection;

    public SynthesisCacheIndex(JdbcConnectionOptions connection) {
        this.connection = new KeptConnection(connection);
    }

    /** The result stored for a content key in a format, if the cache has that audio. */
    public Optional<String> find(String cacheKey, String format) {
        try {
            PreparedStatement statement = connection.statement(FIND);
            statement.setString(1, cacheKey);
            statement.setString(2, format);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException | ClassNotFoundException e) {
            LOG.warn("synthesis cache lookup failed, answering as a miss: {}", e.toString());
            close();
            return Optional.empty();
        }
    }

    public void close() {
        connection.close();
    }
}
