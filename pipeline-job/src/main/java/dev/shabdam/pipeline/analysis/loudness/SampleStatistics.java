package dev.shabdam.pipeline.analysis.loudness;

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

    public static SampleStatistics of(DecodedAudio audio) {
        Counter counter = new Counter(audio.channelCount());
        counter.add(audio);
        return counter.result();
    }

    /** The statistics of audio fed block by block: per channel a running sum and the clipped run in progress. */
    public static final class Counter {
        private final double[] sums;
        private final int[] runs;
        private long clipped;
        private long frames;

        public Counter(int channels) {
            sums = new double[channels];
            runs = new int[channels];
        }

        public void add(DecodedAudio block) {
            for (int c = 0; c < sums.length; c++) {
                double sum = sums[c];
                int run = runs[c];
                for (float v : block.channels()[c]) {
                    sum += v;
                    if (Math.abs(v) >= CLIP_LEVEL) {
                        run++;
                    } else {
                        clipped += run >= MIN_CLIP_RUN ? run : 0;
                        run = 0;
                    }
                }
                sums[c] = sum;
                runs[c] = run;
            }
            frames += block.frames();
        }

        public SampleStatistics result() {
            long clippedInAll = clipped;
            double dc = 0;
            for (int c = 0; c < sums.length; c++) {
                clippedInAll += runs[c] >= MIN_CLIP_RUN ? runs[c] : 0;
                double mean = frames == 0 ? 0 : sums[c] / frames;
                dc = Math.abs(mean) > Math.abs(dc) ? mean : dc;
            }
            long total = frames * sums.length;
            return new SampleStatistics(total == 0 ? 0 : clippedInAll / (double) total, dc);
        }
    }
}
