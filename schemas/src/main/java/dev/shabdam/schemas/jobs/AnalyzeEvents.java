package dev.shabdam.schemas.jobs;

/**
 * The events of an ANALYZE job: the probe (what the file holds), then the analysis, then the end.
 * A stage's start and its end (with its duration) are events of their own.
 */
public final class AnalyzeEvents {
    public static final String PROBE = "probe";
    public static final String ANALYZE = "analyze";

    public static final PlannedEvent PROBE_STARTED = new PlannedEvent(EventSeq.FIRST, PROBE, 0.0);
    public static final PlannedEvent PROBE_DONE = new PlannedEvent(2, PROBE, 0.1);
    public static final PlannedEvent ANALYSIS_STARTED = new PlannedEvent(3, ANALYZE, 0.1);
    /** COMPLETED after the analysis, or FAILED wherever the job stopped. */
    public static final int FINAL = 4;

    private AnalyzeEvents() {}
}
