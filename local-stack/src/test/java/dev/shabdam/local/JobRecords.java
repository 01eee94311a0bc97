package dev.shabdam.local;

import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.Topics;
import dev.shabdam.schemas.UnreadableRecordException;
import dev.shabdam.testsupport.CommittedRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** What a job left behind: its rows in PostgreSQL and its committed events on voice.events. */
final class JobRecords {
    private JobRecords() {}

    /** The job's {@code job_events} rows as {@code seq:kind}, by seq. */
    static List<String> eventRows(PostgresServer.JdbcTarget db, String jobId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
                PreparedStatement query =
                        connection.prepareStatement("SELECT seq, kind FROM job_events WHERE job_id = ? ORDER BY seq")) {
            query.setString(1, jobId);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getInt(1) + ":" + result.getString(2));
                }
            }
        }
        return rows;
    }

    /** The single number {@code sql} answers, with {@code jobId} as its one parameter (or none). */
    static long count(PostgresServer.JdbcTarget db, String sql, String... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /**
     * The seqs of every committed event of the job on voice.events (a read_committed consumer), read from
     * the start until {@code finalSeq} and two seconds more: anything a duplicate would add was committed
     * in the same or an earlier transaction.
     */
    static List<Integer> publishedSeqs(String bootstrap, String jobId, int finalSeq) throws UnreadableRecordException {
        List<Integer> seqs = new ArrayList<>();
        byte[] key = jobId.getBytes(StandardCharsets.UTF_8);
        try (KafkaConsumer<byte[], byte[]> consumer = CommittedRecords.of(bootstrap, Topics.EVENTS)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                collect(consumer, key, seqs, Duration.ofMillis(500));
                return seqs.contains(finalSeq);
            });
            collect(consumer, key, seqs, Duration.ofSeconds(2));
        }
        return seqs;
    }

    private static void collect(KafkaConsumer<byte[], byte[]> consumer, byte[] key, List<Integer> seqs, Duration poll)
            throws UnreadableRecordException {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(poll)) {
            if (Arrays.equals(key, record.key())) {
                seqs.add(RecordCodec.decodeEvent(record.value()).seq());
            }
        }
    }
}
