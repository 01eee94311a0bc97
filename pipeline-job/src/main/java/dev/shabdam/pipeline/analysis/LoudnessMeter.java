package dev.shabdam.pipeline.analysis;

import dev.shabdam.pipeline.media.DecodedAudio;

import java.util.Arrays;

/**
 * Integrated loudness and true peak (ITU-R BS.1770-4, EBU R128) and loudness range (EBU Tech 3342)
 * in one pass over each channel.
 *
 * <p>The pass K-weights each channel and sums its squares into 100 ms sub-blocks (weighted by the
 * channel's BS.1770 weight), true-peak scanning the same samples while they are in cache. Everything
 * after that works on the short array of sub-block energies:
 * <ul>
 *   <li>gating blocks are 4 consecutive sub-blocks (400 ms, 75 % overlap); integrated loudness is
 *       their mean power after the absolute gate (−70 LUFS) and the relative gate (−10 LU below the
 *       mean of the blocks that passed the absolute one);</li>
 *   <li>short-term loudness is 30 consecutive sub-blocks (3 s) every 100 ms; the loudness range is
 *       the spread between their 10th and 95th percentiles after the absolute gate (−70 LUFS) and a
 *       relative gate of −20 LU.</li>
 * </ul>
 * At rates that are not a multiple of 10 Hz the sub-block edges are rounded to whole samples, so a
 * block is at most one sample off 100 ms.
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
        return measure(audio, ProgressListener.NONE);
    }

    public Loudness measure(DecodedAudio audio, ProgressListener progress) {
        int[] edges = subBlockEdges(audio.frames(), audio.sampleRate());
        int subBlocks = edges.length - 1;
        double[] energy = new double[subBlocks];
        TruePeakMeter truePeak = new TruePeakMeter();
        double[] weights = channelWeights(audio.channelCount());
        for (int c = 0; c < audio.channelCount(); c++) {
            float[] x = audio.channels()[c];
            KWeightingFilter filter = new KWeightingFilter(audio.sampleRate());
            for (int k = 0; k < subBlocks; k++) {
                if (weights[c] > 0) {
                    energy[k] += weights[c] * filter.sumOfSquares(x, edges[k], edges[k + 1]);
                }
                truePeak.scan(x, edges[k], edges[k + 1]);
            }
            // the tail shorter than a sub-block has no loudness block but can hold the peak
            truePeak.scan(x, edges[subBlocks], x.length);
            progress.progress((c + 1) / (double) audio.channelCount());
        }
        double[] gatingBlocks = blockLoudness(energy, edges, SUB_BLOCKS_PER_GATING_BLOCK);
        double[] shortTerm = blockLoudness(energy, edges, SUB_BLOCKS_PER_SHORT_TERM);
        double peak = truePeak.peak();
        return new Loudness(integrated(gatingBlocks), range(shortTerm),
                peak > 0 ? 20 * Math.log10(peak) : null);
    }

    /** BS.1770 weights by FFmpeg's default channel order for each channel count. */
    static double[] channelWeights(int channels) {
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

    private static int[] subBlockEdges(int frames, int sampleRate) {
        int count = (int) (frames * 10L / sampleRate);
        while (count > 0 && Math.round(count * sampleRate / 10.0) > frames) {
            count--;
        }
        int[] edges = new int[count + 1];
        for (int k = 0; k <= count; k++) {
            edges[k] = (int) Math.round(k * sampleRate / 10.0);
        }
        return edges;
    }

    /** Loudness (LUFS) of every window of {@code span} sub-blocks, one per sub-block hop. */
    private static double[] blockLoudness(double[] energy, int[] edges, int span) {
        int blocks = Math.max(0, energy.length - span + 1);
        double[] loudness = new double[blocks];
        double window = 0;
        for (int k = 0; k < Math.min(span - 1, energy.length); k++) {
            window += energy[k];
        }
        for (int j = 0; j < blocks; j++) {
            window += energy[j + span - 1];
            double meanSquare = window / (edges[j + span] - edges[j]);
            loudness[j] = lufs(meanSquare);
            window -= energy[j];
        }
        return loudness;
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
        return sorted[(int) Math.round(p * (sorted.length - 1))];
    }
}
