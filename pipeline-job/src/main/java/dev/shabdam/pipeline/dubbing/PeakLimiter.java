package dev.shabdam.pipeline.dubbing;

import java.util.Arrays;

/**
 * A look-ahead peak limiter, linked across channels so the stereo image does not wander, that runs
 * in place with memory of one look-ahead window whatever the length.
 *
 * <p>Each frame needs the gain r = min(1, ceiling / peak). The gain applied at frame t is the mean
 * over the last L frames of h, where h(t) is the minimum of r over the next L frames, with a release
 * that lets h rise back only slowly: every h averaged into frame t covers frame t, so the applied gain
 * is never above r(t) and no sample passes the ceiling, while the gain falls smoothly over L frames
 * before a peak instead of jumping (which would click). The minimum runs on a monotonic queue, so a
 * frame costs a few operations whatever L is.
 */
final class PeakLimiter {
    private static final double LOOKAHEAD_SECONDS = 0.005;
    private static final double RELEASE_SECONDS = 0.080;

    private final int lookahead;
    private final double ceiling;
    private final double release;

    PeakLimiter(int sampleRate, double ceilingDbfs) {
        this.lookahead = Math.max(1, (int) Math.round(LOOKAHEAD_SECONDS * sampleRate));
        this.ceiling = Math.pow(10, ceilingDbfs / 20);
        this.release = 1 - Math.exp(-1 / (RELEASE_SECONDS * sampleRate));
    }

    /** Multiplies every channel by {@code gain} and limits the result, in place. */
    void apply(float[][] channels, double gain) {
        int frames = channels[0].length;
        int window = lookahead;
        double[] need = new double[window];      // r of frames t .. t+L-1, by frame % L
        int[] queue = new int[window];           // frames whose r rises along the queue
        int head = 0;
        int size = 0;
        double[] held = new double[window];      // h of the last L frames, by frame % L
        Arrays.fill(held, 1);
        double heldSum = window;
        double h = 1;
        for (int t = -window + 1; t < frames; t++) {
            while (size > 0 && queue[head] < t) { // before the push: its slot in need[] is about to be reused
                head = (head + 1) % window;
                size--;
            }
            int incoming = t + window - 1;       // the frame entering the look-ahead
            if (incoming < frames) {
                double r = Math.min(1, ceiling / (gain * peak(channels, incoming)));
                need[incoming % window] = r;
                while (size > 0 && need[queue[(head + size - 1) % window] % window] >= r) {
                    size--;
                }
                queue[(head + size) % window] = incoming;
                size++;
            }
            if (t < 0) {
                continue;
            }
            h = Math.min(need[queue[head] % window], h + (1 - h) * release);
            heldSum += h - held[t % window];
            held[t % window] = h;
            double g = gain * Math.min(heldSum / window, need[t % window]); // the min only guards rounding drift
            for (float[] channel : channels) {
                channel[t] = (float) (channel[t] * g);
            }
        }
    }

    private static double peak(float[][] channels, int frame) {
        double peak = 1e-12;
        for (float[] channel : channels) {
            peak = Math.max(peak, Math.abs(channel[frame]));
        }
        return peak;
    }
}
