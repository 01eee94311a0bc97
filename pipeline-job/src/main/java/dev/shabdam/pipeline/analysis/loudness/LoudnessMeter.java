package dev.shabdam.pipeline.analysis.loudness;

import dev.shabdam.pipeline.media.DecodedAudio;

import java.util.Arrays;

/**
 * Integrated loudness and true peak (ITU-R BS.1770-4, EBU R128) and loudness range (EBU Tech 3342),
 * measured block by block ({@link #start}) or on audio in memory ({@link #measure}, one block).
 *
 * <p>The pass K-weights each channel and sums its squares into 100 ms sub-blocks (weighted by the
 * channel's BS.1770 weight), true-peak scanning the same samples ({@link TruePeakMeter}). Everything
 * after that works on the short array of sub-block energies (10 a second: under 1.2 MB for four
 * hours):
 * <ul>
 *   <li>gating blocks are 4 consecutive sub-blocks (400 ms, 75 % overlap); integrated loudness is
 *       their mean power after the absolute gate (−70 LUFS) and the relative gate (−10 LU below the
 *       mean of the blocks that passed the absolute one);</li>
 *   <li>short-term loudness is 30 consecutive sub-blocks (3 s) every 100 ms; the loudness range is
 *       the spread between their 10th and 95th percentiles after the absolute gate (−70 LUFS) and a
 *       relative gate of −20 LU.</li>
 * </ul>
 * At rates that are not a multiple of 10 Hz the sub-block edges are rounded to whole samples, so a
 * block is at most one sample off 100 ms. The tail shorter than a sub-block has no loudness but can
 * hold the peak.
 */
public final class LoudnessMeter {
    static final double ABSOLUTE_GATE_LUFS = -70.0;
    static final double RELATIVE_GATE_LU = -10.0;
    static final double RANGE_RELATIVE_GATE_LU = -20.0;
    static final double RANGE_LOW_PERCENTILE = 0.10;
    static final double RANGE_HIGH_PERCENTILE = 0.95;
    private static final int SUB_BLOCKS_PER_GATING_BLOCK = 4;
    private static final int SUB_BLOCKS_PER_SHORT_TERM = 30;
    /** Surround channels count 1.41× (+1.5 dB), the LFE not at all (BS.1770-4 Table 3). */
    private static final double SURROUND_WEIGHT = 1.41;

    public Loudness measure(DecodedAudio audio) {
        Measurement measurement = start(audio.sampleRate(), audio.channelCount());
        measurement.add(audio);
        return measurement.result();
    }

    /** A measurement fed block by block, e.g. as a long file is decoded. */
    public Measurement start(int sampleRate, int channels) {
        return new Measurement(sampleRate, channels);
    }

    /**
     * One recording's loudness in the making: per channel the K-weighting filter's state and the
     * true-peak meter's look-back, and the energy of each finished sub-block. The result is the same
     * bit for bit however the audio is cut into blocks.
     */
    public static final class Measurement {
        private final int sampleRate;
        private final double[] weights;
        private final KWeightingFilter[] filters;
        private final TruePeakMeter truePeak;
        private double[] energy = new double[64];
        private int subBlocks;
        private long frames;

        private Measurement(int sampleRate, int channels) {
            this.sampleRate = sampleRate;
            this.weights = channelWeights(channels);
            this.filters = new KWeightingFilter[channels];
            for (int c = 0; c < channels; c++) {
                filters[c] = new KWeightingFilter(sampleRate);
            }
            this.truePeak = new TruePeakMeter(channels);
        }

        public void add(DecodedAudio block) {
            int n = block.frames();
            // the sub-blocks this block finishes: their edges, as offsets into the block
            int finished = 0;
            while (edge(subBlocks + finished + 1) <= frames + n) {
                finished++;
            }
            if (subBlocks + finished > energy.length) {
                energy = Arrays.copyOf(energy, Math.max(energy.length * 2, subBlocks + finished));
            }
            for (int c = 0; c < filters.length; c++) {
                float[] x = block.channels()[c];
                if (weights[c] > 0) {
                    int from = 0;
                    for (int k = 0; k < finished; k++) {
                        int to = (int) (edge(subBlocks + k + 1) - frames);
                        filters[c].filter(x, from, to);
                        energy[subBlocks + k] += weights[c] * filters[c].takeSumOfSquares();
                        from = to;
                    }
                    filters[c].filter(x, from, n);
                }
                truePeak.add(c, x);
            }
            subBlocks += finished;
            frames += n;
        }

        /** The loudness of everything added; the audio ends here. */
        public Loudness result() {
            double[] gatingBlocks = blockLoudness(SUB_BLOCKS_PER_GATING_BLOCK);
            double[] shortTerm = blockLoudness(SUB_BLOCKS_PER_SHORT_TERM);
            return new Loudness(integrated(gatingBlocks), range(shortTerm), truePeak.peakDbtp());
        }

        /** Where sub-block {@code k} starts, in frames from the start. */
        private long edge(long k) {
            return Math.round(k * sampleRate / 10.0);
        }

        /** Loudness (LUFS) of every window of {@code span} sub-blocks, one per sub-block hop. */
        private double[] blockLoudness(int span) {
            int blocks = Math.max(0, subBlocks - span + 1);
            double[] loudness = new double[blocks];
            double window = 0;
            for (int k = 0; k < Math.min(span - 1, subBlocks); k++) {
                window += energy[k];
            }
            for (int j = 0; j < blocks; j++) {
                window += energy[j + span - 1];
                double meanSquare = window / (edge(j + span) - edge(j));
                loudness[j] = lufs(meanSquare);
                window -= energy[j];
            }
            return loudness;
        }
    }

    /** BS.1770 weights by FFmpeg's default channel order for each channel count. */
    public static double[] channelWeights(int channels) {
        double[] w = new double[channels];
        Arrays.fill(w, 1.0);
        switch (channels) {
            case 4 -> { // quad: FL FR BL BR
                w[2] = SURROUND_WEIGHT;
                w[3] = SURROUND_WEIGHT;
            }
            case 5 -> { // 5.0: FL FR FC BL BR
                w[3] = SURROUND_WEIGHT;
                w[4] = SURROUND_WEIGHT;
            }
            case 6, 7, 8 -> { // 5.1: FL FR FC LFE BL BR, 6.1 adds BC, 7.1 adds SL SR
                w[3] = 0.0;
                for (int c = 4; c < channels; c++) {
                    w[c] = SURROUND_WEIGHT;
                }
            }
            default -> { // mono, stereo, 3.0 (FL FR FC): all front channels weigh 1
            }
        }
        return w;
    }

    private static Double integrated(double[] blocks) {
        double relativeGate = gatedMeanLufs(blocks, ABSOLUTE_GATE_LUFS) + RELATIVE_GATE_LU;
        double gated = gatedMeanLufs(blocks, Math.max(ABSOLUTE_GATE_LUFS, relativeGate));
        return Double.isFinite(gated) ? gated : null;
    }

    private static Double range(double[] shortTerm) {
        double relativeGate = gatedMeanLufs(shortTerm, ABSOLUTE_GATE_LUFS) + RANGE_RELATIVE_GATE_LU;
        if (!Double.isFinite(relativeGate)) {
            return null;
        }
        double gate = Math.max(ABSOLUTE_GATE_LUFS, relativeGate);
        double[] kept = Arrays.stream(shortTerm).filter(l -> l > gate).sorted().toArray();
        return percentile(kept, RANGE_HIGH_PERCENTILE) - percentile(kept, RANGE_LOW_PERCENTILE);
    }

    /** Loudness of the mean power of the blocks above the gate; −∞ when none is. */
    private static double gatedMeanLufs(double[] blocks, double gateLufs) {
        double power = 0;
        int n = 0;
        for (double l : blocks) {
            if (l > gateLufs) {
                power += Math.pow(10, (l + 0.691) / 10);
                n++;
            }
        }
        return n == 0 ? Double.NEGATIVE_INFINITY : lufs(power / n);
    }

    private static double lufs(double meanSquare) {
        return meanSquare > 0 ? -0.691 + 10 * Math.log10(meanSquare) : Double.NEGATIVE_INFINITY;
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[(int) (Math.round(p * (sorted.length - 1)))];
    }
}
