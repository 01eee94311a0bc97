package dev.shabdam.pipeline.io;

import dev.shabdam.schemas.Topics;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * A dead letter as it arrived (same key, same bytes), so it can be inspected or replayed as is;
 * the reason travels in a header.
 */
public final class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {
    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter letter, KafkaSinkContext context, Long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.DEAD_LETTER_REASON_HEADER, letter.reason().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(
                Topics.DEAD_LETTERS,
                null,
                null,
                letter.record().key(),
                letter.record().value(),
                headers);
    }
}
