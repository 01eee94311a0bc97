package dev.shabdam.pipeline.io;

import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.datasource.connections.SimpleJdbcConnectionProvider;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * One JDBC connection that an operator keeps open for its own statements, each prepared once: a lookup
 * from an operator is then one round trip. It travels as its options: each operator instance that Flink
 * deserialises opens its own connection, on the first statement. After a failure the caller
 * {@link #close()}s it, and the next statement opens it afresh. A statement that gets no answer within
 * {@value #QUERY_TIMEOUT_SECONDS} s fails: an operator's task must not hang on a database that stopped answering.
 */
final class KeptConnection implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int QUERY_TIMEOUT_SECONDS = 2;

    private final SimpleJdbcConnectionProvider connection;
    private transient Map<String, PreparedStatement> statements;

    KeptConnection(JdbcConnectionOptions options) {
        this.connection = new SimpleJdbcConnectionProvider(options);
    }

    /** {@code sql} prepared on the connection, which is opened first if it is not open. */
    PreparedStatement statement(String sql) throws SQLException, ClassNotFoundException {
        if (statements == null) {
            statements = new HashMap<>();
        }
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.getOrEstablishConnection().prepareStatement(sql);
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** Whether the connection is open: the first statement after this answers false opens it. */
    boolean isOpen() {
        return connection.getConnection() != null;
    }

    void close() {
        statements = null;
        connection.closeConnection();
    }
}
