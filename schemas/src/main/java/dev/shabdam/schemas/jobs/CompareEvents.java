package dev.shabdam.schemas.jobs;

/**
 * The events of a COMPARE job: both recordings are decoded, then compared, then the end. A stage's
 * start and its end (with its duration) are events of their own.
 */
public final class CompareEvents {
    public static final String DECODE = "decode";
    public static final String COMPARE = "compare";

    public static final PlannedEvent DECODE_STARTED = new PlannedEvent(EventSeq.FIRST, DECODE, 0.0);
    public static final PlannedEvent DECODE_DONE = new PlannedEvent(2, DECODE, 0.5);
    public static final PlannedEvent COMPARISON_STARTED = new PlannedEvent(3, COMPARE, 0.5);
    /** COMPLETED after the comparison, or FAILED wherever the job stopped. */
    public static final int FINAL = 4;

    private CompareEvents() {}
}
