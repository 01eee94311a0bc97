package dev.shabdam.schemas;

/** Kafka topic names shared by the gateway, the Flink job and the deployment files. */
public final class Topics {
    /** One record per submitted job (or cancellation), keyed by job id. */
    public static final String REQUESTS = "voice.requests";
    /** Progress and completion of jobs, keyed by job id. */
    public static final String EVENTS = "voice.events";
    /**
     * The same events as {@link #EVENTS} for jobs someone waits on in real time (GENERATE), written
     * at-least-once without waiting for a checkpoint: a waiter takes the first copy, and events
     * carry their seq, so a duplicate after a replay is recognised and ignored.
     */
    public static final String REPLIES = "voice.replies";
    /** Records of {@link #REQUESTS} that could not be read, with the reason in a header. */
    public static final String DEAD_LETTERS = "voice.requests.dlq";

    /**
     * The pipeline's consumer groups on {@link #REQUESTS}, one per latency class: interactive work
     * (speaking a sentence) is read by its own source, so an hour of analysis or a dub that waits on
     * a remote translator never holds it up. The gateway reads their lag for its readiness.
     */
    public static final String PIPELINE_GROUP_INTERACTIVE = "shabdam-pipeline-interactive";

    public static final String PIPELINE_GROUP_MEDIA = "shabdam-pipeline-media";

    /** Header on a dead letter carrying why the record could not be read. */
    public static final String DEAD_LETTER_REASON_HEADER = "shabdam.dlq.reason";

    private Topics() {}
}
