package dev.shabdam.pipeline.media;

import java.util.Arrays;

/**
 * A mono track whose stretches can be read back, a stretch at a time: an array in memory, or a
 * {@link TrackSpill} that a streaming stage wrote to disk as the track went past.
 */
public interface MonoTrack {
    /** Samples in the track. */
    int length();

    /** A copy of samples {@code [from, from + count)}, all within the track. */
    float[] read(int from, int count);

    static MonoTrack of(float[] samples) {
        return new MonoTrack() {
            @Override
            public int length() {
                return samples.length;
            }

            @Override
            public float[] read(int from, int count) {
                return Arrays.copyOfRange(samples, from, from + count);
            }
        };
    }
}
