package dev.shabdam.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.pipeline.media.TestMedia;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.Topics;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.testsupport.CommittedRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A job whose operator crashes mid-way is finished exactly once after Flink restores from its checkpoint. */
@ExtendWith(SharedStack.class)
class RecoveryTest {

    private final Api api = SharedStack.api(SharedStack.TENANT_A_KEY);

    @Test
    void crashedJobCompletesOnceWithTheSameOutput(@TempDir Path dir) throws Exception {
        byte[] wav = Files.readAllBytes(TestMedia.wav(dir.resolve("voice.wav"), 22_050, 2, 1.0, 220));
        JsonNode undisturbed = Api.json(api.upload("/voice/analyze?wait=60", "voice.wav", wav));
        assertThat(undisturbed.path("status").asText()).isEqualTo("COMPLETED");

        int crashesBefore = SharedStack.probe().crashes();
        SharedStack.probe().armFor(wav);
        HttpResponse<String> submitted = api.upload("/voice/analyze?wait=60", "voice.wav", wav);
        JsonNode recovered = Api.json(submitted);
        String jobId = recovered.path("jobId").asText();

        assertThat(SharedStack.probe().crashes())
                .as("the injected crash happened")
                .isEqualTo(crashesBefore + 1);
        assertThat(recovered.path("status").asText()).as(submitted.body()).isEqualTo("COMPLETED");
        assertThat(recovered.path("result")).isEqualTo(undisturbed.path("result"));
        assertThat(api.getBytes("/jobs/" + jobId + "/outputs/report", null).body())
                .as("the report written after recovery is byte for byte the undisturbed one")
                .isEqualTo(api.getBytes("/jobs/" + undisturbed.path("jobId").asText() + "/outputs/report", null)
                        .body());

        assertThat(eventRows(jobId)).containsExactly("1:PROGRESS", "2:PROGRESS", "3:PROGRESS", "4:COMPLETED");
        List<Integer> published = publishedSeqs(jobId);
        assertThat(published)
                .as("committed voice.events of the job, no duplicates")
                .containsExactly(1, 2, 3, 4);
    }

    private static List<String> eventRows(String jobId) throws Exception {
        PostgresServer.JdbcTarget db = SharedStack.stack().database();
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

    /** Every committed event of the job on voice.events, read from the start, until the final one. */
    private static List<Integer> publishedSeqs(String jobId) throws Exception {
        List<Integer> seqs = new ArrayList<>();
        byte[] key = jobId.getBytes(StandardCharsets.UTF_8);
        try (KafkaConsumer<byte[], byte[]> consumer =
                CommittedRecords.of(SharedStack.stack().kafkaBootstrap(), Topics.EVENTS)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (Arrays.equals(key, record.key())) {
                        VoiceEvent event = RecordCodec.decodeEvent(record.value());
                        seqs.add(event.seq());
                    }
                }
                return seqs.contains(4);
            });
            // anything a duplicate would add was committed in the same or an earlier transaction
            consumer.poll(Duration.ofSeconds(2)).forEach(record -> {
                if (Arrays.equals(key, record.key())) {
                    seqs.add(decodeSeq(record.value()));
                }
            });
        }
        return seqs;
    }

    private static int decodeSeq(byte[] value) {
        try {
            return RecordCodec.decodeEvent(value).seq();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
