package dev.shabdam.schemas.jobs;

/**
 * The events of a DUB job, which three operators emit: ingest (the media probed, its speech heard when
 * no subtitles were given, the script translated), one event per line as assembly receives it (in any
 * order: the k-th line in takes the k-th line seq), mixing, and the end. How many lines there are
 * depends on the media, so the end takes {@link EventSeq#FINAL}.
 */
public final class DubEvents {
    public static final String INGEST = "ingest";
    public static final String TRANSCRIBE = "transcribe";
    public static final String TRANSLATE = "translate";
    public static final String SYNTHESIZE = "synthesize";
    public static final String MIX = "mix";

    public static final PlannedEvent INGEST_STARTED = new PlannedEvent(EventSeq.FIRST, INGEST, 0.0);
    public static final PlannedEvent INGEST_DONE = new PlannedEvent(2, INGEST, 0.05);
    /** Only when the lines come from what is heard in the media; the seq stays unused otherwise. */
    public static final PlannedEvent TRANSCRIBED = new PlannedEvent(3, TRANSCRIBE, 0.1);

    public static final PlannedEvent SCRIPTED = new PlannedEvent(4, TRANSLATE, 0.15);
    /** The most lines a dub may have: every one takes a seq of its own, below {@link #FINAL}. */
    public static final int MAX_LINES = 100_000;
    /** COMPLETED with the outputs, or FAILED (a line that could not be spoken, the mix, or ingest). */
    public static final int FINAL = EventSeq.FINAL;

    /** The seq of the first line in; those before it are left for ingest. */
    static final int FIRST_LINE_SEQ = 10;

    private static final double LINES_DONE = 0.85;

    private DubEvents() {}

    /** The {@code received}-th line (1-based) of {@code lineCount} came in from synthesis. */
    public static PlannedEvent lineReceived(int received, int lineCount) {
        double progress = SCRIPTED.progress() + (LINES_DONE - SCRIPTED.progress()) * received / lineCount;
        return new PlannedEvent(FIRST_LINE_SEQ + received - 1, SYNTHESIZE, progress);
    }

    /** Every one of {@code lineCount} lines is in: mixing and muxing begin. */
    public static PlannedEvent mixStarted(int lineCount) {
        return new PlannedEvent(FIRST_LINE_SEQ + lineCount, MIX, LINES_DONE);
    }
}
