package dev.shabdam.pipeline.analysis;

/** Told how far a long computation has come, as a fraction 0..1 that never decreases. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = fraction -> { };

    void progress(double fraction);

    /** This listener seen through a sub-range: {@code within(0.2, 0.5).progress(0.5)} reports 0.35. */
    default ProgressListener within(double from, double to) {
        return fraction -> progress(from + (to - from) * Math.max(0, Math.min(1, fraction)));
    }
}
