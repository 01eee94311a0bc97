package dev.shabdam.pipeline.io;

import dev.shabdam.schemas.Topics;
import dev.shabdam.schemas.VoiceEvent;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** The job's Kafka source and sinks. */
public final class KafkaConnectors {
    public static final String TRANSACTIONAL_ID_PREFIX = "shabdam-pipeline-events";
    /**
     * A transaction stays open until the next checkpoint completes, and a checkpoint barrier waits behind
     * the record an operator is working on: a dub's mix and mux of a long video take minutes on a
     * loaded machine (a minute was seen to expire transactions). So the broker's own ceiling,
     * transaction.max.timeout.ms (15 min by default).
     */
    static final String TRANSACTION_TIMEOUT_MS = "900000";

    private KafkaConnectors() {}

    /**
     * Requests, from the group's committed offsets (the earliest ones on first start). Reads only
     * committed records, so a gateway transaction that aborted never becomes a job.
     *
     * @param groupId the consumer group: one per latency class, each reading every request
     */
    public static KafkaSource<RawRecord> requests(String bootstrapServers, String groupId) {
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(Topics.REQUESTS)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawRecordDeserializer())
                .setProperty("isolation.level", "read_committed")
                .build();
    }

    /**
     * Events, in Kafka transactions committed with each checkpoint: readers with read_committed see
     * every event once, even when the job replays from a checkpoint after a failure.
     *
     * @param transactionalIdPrefix unique to this sink in the job ({@link #TRANSACTIONAL_ID_PREFIX}, qualified):
     *                              two sinks on one prefix would fence each other's transactions
     */
    public static KafkaSink<VoiceEvent> events(String bootstrapServers, String transactionalIdPrefix) {
        return KafkaSink.<VoiceEvent>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(new EventRecordSerializer(Topics.EVENTS))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
                .build();
    }

    /**
     * Replies for real-time waiters (GENERATE), at least once and without waiting for a checkpoint:
     * each event carries its seq, so a waiter recognises a duplicate after a replay and ignores it.
     * Batching off ({@code linger.ms=0}): a reply waits for nothing.
     */
    public static KafkaSink<VoiceEvent> replies(String bootstrapServers) {
        return KafkaSink.<VoiceEvent>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(new EventRecordSerializer(Topics.REPLIES))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setProperty("linger.ms", "0")
                .build();
    }

    /** Dead letters at least once: a duplicate in the dead-letter topic costs nothing, a lost one hides a bug. */
    public static KafkaSink<DeadLetter> deadLetters(String bootstrapServers) {
        return KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(new DeadLetterSerializer())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }
}
