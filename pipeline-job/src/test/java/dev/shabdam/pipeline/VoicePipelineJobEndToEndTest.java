package dev.shabdam.pipeline;

import dev.shabdam.pipeline.jobs.Requests;
import dev.shabdam.pipeline.media.FfmpegMediaProbe;
import dev.shabdam.pipeline.media.TestMedia;
import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.Topics;
import dev.shabdam.schemas.UnreadableRecordException;
import dev.shabdam.schemas.VoiceEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The job with its real connectors ({@link VoicePipelineJob#fromConfig}) against an in-process Kafka
 * broker (KRaft) and PostgreSQL migrated by Flyway: what the local stack runs.
 */
class VoicePipelineJobEndToEndTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberSlotsPerTaskManager(1).build());

    private static KafkaClusterTestKit kafka;
    private static EmbeddedPostgres postgres;

    @TempDir
    Path storageRoot;

    @BeforeAll
    static void startServices() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(Topics.REQUESTS, Topics.EVENTS, Topics.DEAD_LETTERS).stream()
                    .map(name -> new NewTopic(name, 1, (short) 1)).toList()).all().get();
        }
        postgres = EmbeddedPostgres.start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate();
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void analyzesRequestFromKafkaIntoEventsAndTables() throws Exception {
        String jobId = "job-" + UUID.randomUUID();
        String key = StorageKeys.upload(Requests.TENANT, jobId, "voice.wav");
        Files.createDirectories(storageRoot.resolve(key).getParent());
        TestMedia.wav(storageRoot.resolve(key), 16_000, 1, 1.5, 440);
        PipelineConfig config = new PipelineConfig(kafka.bootstrapServers(), postgres.getJdbcUrl("postgres", "postgres"),
                "postgres", null, storageRoot.toUri().toString(), 300, 1);
        Configuration conf = VoicePipelineJob.configuration(config);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        VoicePipelineJob.fromConfig(config, new FfmpegMediaProbe()).build(env);

        JobClient job = env.executeAsync("shabdam-e2e");
        try {
            send("garbage", "{\"jobId\":");
            send(jobId, new String(RecordCodec.encode(Requests.analyze(jobId, key)), StandardCharsets.UTF_8));

            List<VoiceEvent> events = new ArrayList<>();
            List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
            try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
                consumer.subscribe(List.of(Topics.EVENTS, Topics.DEAD_LETTERS));
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        if (record.topic().equals(Topics.EVENTS)) {
                            events.add(decode(record.value()));
                        } else {
                            deadLetters.add(record);
                        }
                    }
                    return events.stream().anyMatch(e -> e.kind() == EventKind.COMPLETED) && !deadLetters.isEmpty();
                });
            }
            assertThat(events).extracting(VoiceEvent::jobId).containsOnly(jobId);
            assertThat(events).extracting(VoiceEvent::kind).containsExactly(EventKind.PROGRESS, EventKind.COMPLETED);
            assertThat(deadLetters).singleElement().satisfies(letter -> {
                assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{\"jobId\":");
                assertThat(letter.headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER)).isNotNull();
            });

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(jobRow(jobId)).isEqualTo("COMPLETED 16000 jobs/" + jobId + "/outputs/report.json 2"));
        } finally {
            job.cancel().get();
        }
    }

    private static void send(String key, String value) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.REQUESTS, key.getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    /** As the gateway reads events: only those of committed Kafka transactions. */
    private static KafkaConsumer<byte[], byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static VoiceEvent decode(byte[] value) {
        try {
            return RecordCodec.decodeEvent(value);
        } catch (UnreadableRecordException e) {
            throw new AssertionError("the job wrote an unreadable event", e);
        }
    }

    private static String jobRow(String jobId) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT status || ' ' || (result->>'sampleRateHz') || ' '"
                     + " || (outputs->>'report') || ' ' || (SELECT count(*) FROM job_events e WHERE e.job_id = j.job_id)"
                     + " FROM jobs j WHERE job_id = '" + jobId + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
