package dev.shabdam.pipeline.analysis;

import dev.shabdam.pipeline.media.DecodedAudio;

/**
 * Clipping and DC offset, measured on the original samples of every channel.
 *
 * <p>Clipping: a sample is clipped when |x| ≥ {@value #CLIP_LEVEL} and it belongs to a run of at
 * least {@value #MIN_CLIP_RUN} such samples in a row in its channel. A lone full-scale sample is a
 * legitimate peak; a flat top of two or more is what a converter or limiter at its ceiling leaves.
 * The ratio is clipped samples over all samples (all channels).
 *
 * @param clippingRatio fraction of samples that are clipped, 0..1
 * @param dcOffset      the channel mean with the largest magnitude (full scale = 1)
 */
public record SampleStatistics(double clippingRatio, double dcOffset) {
    static final float CLIP_LEVEL = 0.999f;
    static final int MIN_CLIP_RUN = 2;

    static SampleStatistics of(DecodedAudio audio) {
        long clipped = 0;
        double dc = 0;
        for (float[] x : audio.channels()) {
            double sum = 0;
            int run = 0;
            for (float v : x) {
                sum += v;
                if (Math.abs(v) >= CLIP_LEVEL) {
                    run++;
                } else {
                    clipped += run >= MIN_CLIP_RUN ? run : 0;
                    run = 0;
                }
            }
            clipped += run >= MIN_CLIP_RUN ? run : 0;
            double mean = x.length == 0 ? 0 : sum / x.length;
            dc = Math.abs(mean) > Math.abs(dc) ? mean : dc;
        }
        long total = (long) audio.frames() * audio.channelCount();
        return new SampleStatistics(total == 0 ? 0 : clipped / (double) total, dc);
    }
}
