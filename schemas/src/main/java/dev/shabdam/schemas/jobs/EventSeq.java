package dev.shabdam.schemas.jobs;

/**
 * Reserved event numbers. Work events count up from {@link #FIRST} in the order the work happens (each
 * job type's plan, e.g. {@link AnalyzeEvents}, numbers them); a cancellation takes a number above any
 * work, so it never overwrites a work event's row and, arriving late, still outranks the progress it
 * interrupts.
 */
public final class EventSeq {
    public static final int FIRST = 1;
    /** The last event of jobs whose count of steps depends on the input (a sentence per event). */
    public static final int FINAL = 999_999;

    public static final int CANCELLED = 1_000_000;

    private EventSeq() {}
}
