package dev.shabdam.schemas.jobs;

/** The events of a DETECT_WATERMARK job: the decode and search started, then the end. */
public final class DetectWatermarkEvents {
    public static final String DETECT = "detect";

    public static final PlannedEvent DETECTION_STARTED = new PlannedEvent(EventSeq.FIRST, DETECT, 0.0);
    /** COMPLETED with the finding, or FAILED. */
    public static final int FINAL = 2;

    private DetectWatermarkEvents() {}
}
