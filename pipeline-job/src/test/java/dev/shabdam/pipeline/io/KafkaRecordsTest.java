package dev.shabdam.pipeline.io;

import dev.shabdam.pipeline.jobs.JobEvents;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.Topics;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.jobs.AnalyzeEvents;
import dev.shabdam.testsupport.Requests;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The byte-level contracts of the Kafka connectors, without a broker. */
class KafkaRecordsTest {

    @Test
    void wrapsConsumedRecordWithoutReadingIt() throws Exception {
        byte[] garbage = {1, 2, 3};
        List<RawRecord> out = new ArrayList<>();

        new RawRecordDeserializer()
                .deserialize(
                        new ConsumerRecord<>(Topics.REQUESTS, 3, 17L, "k".getBytes(StandardCharsets.UTF_8), garbage),
                        collector(out));

        assertThat(out).singleElement().satisfies(raw -> {
            assertThat(raw.origin()).isEqualTo("voice.requests-3@17");
            assertThat(raw.key()).asString(StandardCharsets.UTF_8).isEqualTo("k");
            assertThat(raw.value()).isEqualTo(garbage);
        });
    }

    @Test
    void writesEventKeyedByJobId() throws Exception {
        VoiceEvent event = JobEvents.progress(
                Requests.analyze("job-1", "uploads/tenant-a/job-1/file"), AnalyzeEvents.PROBE_STARTED);

        ProducerRecord<byte[], byte[]> record = new EventRecordSerializer(Topics.EVENTS).serialize(event, null, null);

        assertThat(record.topic()).isEqualTo(Topics.EVENTS);
        assertThat(record.key()).asString(StandardCharsets.UTF_8).isEqualTo("job-1");
        assertThat(RecordCodec.decodeEvent(record.value())).isEqualTo(event);
    }

    @Test
    void writesDeadLetterAsItCameWithReasonHeader() {
        RawRecord raw = RawRecords.of("job-9", "{oops");

        ProducerRecord<byte[], byte[]> record =
                new DeadLetterSerializer().serialize(new DeadLetter(raw, "not JSON"), null, null);

        assertThat(record.topic()).isEqualTo(Topics.DEAD_LETTERS);
        assertThat(record.key()).isEqualTo(raw.key());
        assertThat(record.value()).isEqualTo(raw.value());
        assertThat(record.headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER).value())
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("not JSON");
    }

    private static <T> Collector<T> collector(List<T> out) {
        return new Collector<>() {
            @Override
            public void collect(T record) {
                out.add(record);
            }

            @Override
            public void close() {}
        };
    }
}
