package dev.shabdam.schemas;

/** What a job does; each type has its operator in the Flink job graph. */
public enum JobType {
    ANALYZE,
    COMPARE,
    GENERATE,
    TRAIN,
    DUB,
    /** Looks for the watermark of Shabdam's outputs in an upload. */
    DETECT_WATERMARK;

    /**
     * Whether someone waits for the answer as it is made (speaking a sentence): such jobs run in the
     * pipeline's interactive latency class, the others in its media class, and readiness judges each
     * class's queue by its own bound.
     */
    public boolean interactive() {
        return this == GENERATE;
    }
}
