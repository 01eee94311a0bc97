package dev.shabdam.pipeline.io;

import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.VoiceEvent;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/** A {@link VoiceEvent} as a record of an event topic, keyed by job id so a job's events stay in order. */
public final class EventRecordSerializer implements KafkaRecordSerializationSchema<VoiceEvent> {
    private static final long serialVersionUID = 1L;

    private final String topic;

    public EventRecordSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(VoiceEvent event, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, event.jobId().getBytes(StandardCharsets.UTF_8), RecordCodec.encode(event));
    }
}
