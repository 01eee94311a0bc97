package dev.shabdam.schemas;

/** The kinds of {@code voice.events} records; the gateway turns them into SSE event names. */
public enum EventKind {
    PROGRESS,
    COMPLETED,
    FAILED,
    CANCELLED;

    public JobStatus status() {
        return switch (this) {
            case PROGRESS -> JobStatus.RUNNING;
            case COMPLETED -> JobStatus.COMPLETED;
            case FAILED -> JobStatus.FAILED;
            case CANCELLED -> JobStatus.CANCELLED;
        };
    }

    /** The SSE event name of the API contract. */
    public String sseName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
