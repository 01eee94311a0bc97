package dev.shabdam.schemas.jobs;

/**
 * The events of a GENERATE job, all of stage {@link #SYNTHESIZE}: its start, one per sentence as it is
 * spoken, and the end. How many sentences there are depends on the text, so the end takes
 * {@link EventSeq#FINAL}.
 */
public final class GenerateEvents {
    public static final String SYNTHESIZE = "synthesize";

    public static final PlannedEvent STARTED = new PlannedEvent(EventSeq.FIRST, SYNTHESIZE, 0.0);
    /** COMPLETED with the audio, or FAILED. */
    public static final int FINAL = EventSeq.FINAL;

    private GenerateEvents() {}

    /**
     * Sentence {@code index} (0-based) of {@code count} is spoken. The progress leaves room after the last
     * sentence for joining and encoding them.
     */
    public static PlannedEvent sentenceDone(int index, int count) {
        return new PlannedEvent(STARTED.seq() + 1 + index, SYNTHESIZE, (index + 1.0) / (count + 1.0));
    }
}
