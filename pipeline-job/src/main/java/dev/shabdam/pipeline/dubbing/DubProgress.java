package dev.shabdam.pipeline.dubbing;

import dev.shabdam.pipeline.jobs.EventSeq;

/**
 * Seqs and progress of a DUB job's events, which three operators emit: ingest seq 1–3 (up to
 * {@link #SCRIPTED}), then one event per line as assembly receives it (seq {@link #FIRST_LINE_SEQ} + k
 * for the k-th line in), then mixing, then the final event.
 */
public final class DubProgress {
    public static final double SCRIPTED = 0.15;
    static final double LINES_DONE = 0.85;
    static final int FIRST_LINE_SEQ = EventSeq.FIRST + 9;

    private DubProgress() {
    }

    /** The seq of the event for the {@code received}-th line in (1-based). */
    static int lineSeq(int received) {
        return FIRST_LINE_SEQ + received - 1;
    }

    static int mixSeq(int lineCount) {
        return FIRST_LINE_SEQ + lineCount;
    }

    static double afterLines(int received, int lineCount) {
        return SCRIPTED + (LINES_DONE - SCRIPTED) * received / lineCount;
    }
}
