package dev.shabdam.pipeline.synthesis.audio;

/**
 * Integrated loudness. {@link Bs1770LoudnessMeter} is a compact implementation; the full
 * meter in {@code dev.shabdam.pipeline.analysis} can be plugged in instead.
 */
@FunctionalInterface
public interface LoudnessMeter {

    /** Integrated loudness in LUFS; {@code Double.NEGATIVE_INFINITY} when everything is gated out. */
    double integratedLufs(float[] mono, int sampleRate);
}
