package dev.shabdam.pipeline.dubbing;

import dev.shabdam.pipeline.media.DecodedAudio;

import java.util.Arrays;

/**
 * A look-ahead peak limiter, linked across channels so the stereo image does not wander, that runs
 * block by block with memory of one look-ahead window whatever the length.
 *
 * <p>Each frame needs the gain r = min(1, ceiling / peak). The gain applied at frame t is the mean
 * over the last L frames of h, where h(t) is the minimum of r over the next L frames, with a release
 * that lets h rise back only slowly: every h averaged into frame t covers frame t, so the applied gain
 * is never above r(t) and no sample passes the ceiling, while the gain falls smoothly over L frames
 * before a peak instead of jumping (which would click). The minimum runs on a monotonic queue, so a
 * frame costs a few operations whatever L is.
 *
 * <p>Frame t is final once frame t + L − 1 has come in: {@link #process} answers the frames that
 * became final with its block (L − 1 fewer than it took, the first time), {@link #finish} the last
 * ones. The output is the input's length.
 */
final class PeakLimiter {
    private static final double LOOKAHEAD_SECONDS = 0.005;
    private static final double RELEASE_SECONDS = 0.080;

    private final int sampleRate;
    private final int window;
    private final double ceiling;
    private final double release;
    private final double gain;
    private final double[] need; // r of frames t .. t+L-1, by frame % L
    private final long[] queue; // frames whose r rises along the queue
    private final double[] held; // h of the last L frames, by frame % L
    private final float[][] delayed; // the input of frames t .. t+L-1, by frame % L
    private int head;
    private int size;
    private double heldSum;
    private double h = 1;
    private long incoming; // the next frame to come in
    private long outgoing; // the next frame to go out

    /** Multiplies every channel by {@code gain} and limits the result to {@code ceilingDbfs}. */
    PeakLimiter(int sampleRate, int channels, double ceilingDbfs, double gain) {
        this.sampleRate = sampleRate;
        this.window = Math.max(1, (int) Math.round(LOOKAHEAD_SECONDS * sampleRate));
        this.ceiling = Math.pow(10, ceilingDbfs / 20);
        this.release = 1 - Math.exp(-1 / (RELEASE_SECONDS * sampleRate));
        this.gain = gain;
        this.need = new double[window];
        this.queue = new long[window];
        this.held = new double[window];
        Arrays.fill(held, 1);
        this.heldSum = window;
        this.delayed = new float[channels][window];
    }

    /** Takes the next block in and answers the frames that are final now. */
    DecodedAudio process(DecodedAudio block) {
        int frames = block.frames();
        float[][] out = new float[delayed.length][(int) Math.max(0, incoming + frames - (window - 1) - outgoing)];
        int written = 0;
        for (int j = 0; j < frames; j++) {
            long t = incoming - window + 1;
            popBefore(t);
            double peak = 1e-12;
            for (int c = 0; c < delayed.length; c++) {
                float x = block.channels()[c][j];
                delayed[c][slot(incoming)] = x;
                peak = Math.max(peak, Math.abs(x));
            }
            double r = Math.min(1, ceiling / (gain * peak));
            need[slot(incoming)] = r;
            while (size > 0 && need[slot(queue[(head + size - 1) % window])] >= r) {
                size--;
            }
            queue[(head + size) % window] = incoming;
            size++;
            incoming++;
            if (t >= 0) {
                emit(t, out, written++);
            }
        }
        return new DecodedAudio(sampleRate, out);
    }

    /** The input has ended: the last frames, limited against nothing more to come. */
    DecodedAudio finish() {
        float[][] out = new float[delayed.length][(int) (incoming - outgoing)];
        for (int k = 0; outgoing < incoming; k++) {
            popBefore(outgoing);
            emit(outgoing, out, k);
        }
        return new DecodedAudio(sampleRate, out);
    }

    /** Before a frame's push: the slot in need[] of a frame that left the look-ahead is about to be reused. */
    private void popBefore(long t) {
        while (size > 0 && queue[head] < t) {
            head = (head + 1) % window;
            size--;
        }
    }

    private void emit(long t, float[][] out, int at) {
        h = Math.min(need[slot(queue[head])], h + (1 - h) * release);
        heldSum += h - held[slot(t)];
        held[slot(t)] = h;
        double g = gain * Math.min(heldSum / window, need[slot(t)]); // the min only guards rounding drift
        for (int c = 0; c < out.length; c++) {
            out[c][at] = (float) (delayed[c][slot(t)] * g);
        }
        outgoing = t + 1;
    }

    private int slot(long frame) {
        return (int) (frame % window);
    }
}
