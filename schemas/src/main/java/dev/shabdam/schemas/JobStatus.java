package dev.shabdam.schemas;

/** Life cycle of a job as stored in the {@code jobs} table and shown by the API. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED;

    /** A final status is never left again: late or replayed events do not change it. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
