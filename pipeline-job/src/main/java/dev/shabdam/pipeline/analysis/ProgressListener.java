package dev.shabdam.pipeline.analysis;

/** Told how far a long computation has come, as a fraction 0..1 that never decreases. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = fraction -> {};

    void progress(double fraction);
}
