package dev.shabdam.pipeline.analysis.dsp;

/**
 * The recent samples of a long signal that arrives block by block: everything from a position the
 * owner still needs to the last sample received, in one array, so that frame and filter loops index
 * it directly. Samples before the first one received count as zero.
 */
public final class SlidingSamples {
    private float[] buffer;
    private int buffered;
    private long start;

    /** @param zerosBefore how many zeros stand before the first sample, for loops that reach back past it */
    public SlidingSamples(int zerosBefore) {
        buffer = new float[zerosBefore + 4096];
        buffered = zerosBefore;
        start = -zerosBefore;
    }

    /** Appends {@code x[from, to)}, first dropping the samples before {@code keepFrom}. */
    public void append(float[] x, int from, int to, long keepFrom) {
        int drop = (int) Math.max(0, Math.min(buffered, keepFrom - start));
        int n = to - from;
        if (buffered - drop + n > buffer.length) {
            float[] bigger = new float[Math.max(buffer.length * 2, buffered - drop + n)];
            System.arraycopy(buffer, drop, bigger, 0, buffered - drop);
            buffer = bigger;
        } else if (drop > 0) {
            System.arraycopy(buffer, drop, buffer, 0, buffered - drop);
        }
        buffered -= drop;
        start += drop;
        System.arraycopy(x, from, buffer, buffered, n);
        buffered += n;
    }

    /** The array holding the samples; valid until the next {@link #append}. */
    public float[] array() {
        return buffer;
    }

    /** Where sample {@code index} of the signal is in {@link #array()}. */
    public int offset(long index) {
        return (int) (index - start);
    }

    /** The index one past the last sample received. */
    public long end() {
        return start + buffered;
    }
}
