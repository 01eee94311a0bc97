package dev.shabdam.pipeline.io;

/**
 * A Kafka record as it arrived, undecoded. The source hands these on so that decoding happens in an
 * operator that can route a bad record to the dead letters; a deserializer that threw would fail
 * the source and, after every restart, fail again on the same offset.
 */
public record RawRecord(String topic, int partition, long offset, byte[] key, byte[] value) {

    /** Where the record came from, for messages. */
    public String origin() {
        return topic + "-" + partition + "@" + offset;
    }
}
