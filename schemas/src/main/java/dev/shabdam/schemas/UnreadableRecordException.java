package dev.shabdam.schemas;

/** A Kafka record that is not a valid record of its topic; it belongs in the dead-letter topic. */
public class UnreadableRecordException extends Exception {
    public UnreadableRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public UnreadableRecordException(String reason) {
        super(reason);
    }
}
