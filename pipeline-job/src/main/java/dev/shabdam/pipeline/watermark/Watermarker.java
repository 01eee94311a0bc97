package dev.shabdam.pipeline.watermark;

import dev.shabdam.pipeline.media.DecodedAudio;

/**
 * Adds a job's mark to audio: the key's three sequences, the second and third shifted by the two 15-bit
 * halves of the payload ({@code WatermarkId}), summed into one 2.048 s pattern that repeats for the whole
 * output (so any excerpt of a few seconds holds it whole). The pattern lives at 16 kHz and is interpolated
 * to the audio's rate (windowed sinc), so it survives resampling to 16 kHz; its gain follows the audio's
 * short-term level {@value #LEVEL_DB} dB under it, so it vanishes in silence and hides under the
 * speech that carries it. Deterministic: the same payload and audio give the same marked samples.
 */
public final class Watermarker {
    /** How far the mark sits under the audio's short-term level; the test holds the output SNR at ≥ 35 dB. */
    static final double LEVEL_DB = -45;

    private static final double ATTACK_MS = 5;
    private static final double RELEASE_MS = 40;
    private static final int HALF_TAPS = 8;
    private static final int PHASES = 256;
    private static final float[][] KERNEL = kernel();

    private final float[] pattern;

    public Watermarker(WatermarkKey key, int payload) {
        pattern = pattern(key.sequences(), payload);
    }

    /** One output's marking, fed its blocks in order (all at one rate). */
    public Stream stream() {
        return new Stream();
    }

    /** A whole mono signal, marked. */
    public float[] mark(float[] samples, int sampleRate) {
        return stream().mark(DecodedAudio.mono(sampleRate, samples)).channels()[0];
    }

    /** The sum of the sequences, sequence {@code i ≥ 1} delayed by its part of the payload, unit RMS. */
    static float[] pattern(float[][] sequences, int payload) {
        int period = WatermarkKey.PERIOD;
        int[] shifts = shifts(payload);
        float[] sum = new float[period];
        double scale = 1 / Math.sqrt(sequences.length);
        for (int i = 0; i < period; i++) {
            double x = sequences[0][i];
            for (int s = 1; s < sequences.length; s++) {
                x += sequences[s][Math.floorMod(i - shifts[s], period)];
            }
            sum[i] = (float) (x * scale);
        }
        return sum;
    }

    /** The delay of each sequence against the first: 0, then the payload's high and low 15 bits. */
    static int[] shifts(int payload) {
        return new int[] {0, (payload >>> 15) & (WatermarkKey.PERIOD - 1), payload & (WatermarkKey.PERIOD - 1)};
    }

    /** The marking of one output: where it is in the pattern, and the level the mark follows. */
    public final class Stream {
        private final double gain = Math.pow(10, LEVEL_DB / 20);
        private int rate;
        private double attack;
        private double release;
        private long frame;
        private double level;
        /** One period of the pattern at this rate, where a period is a whole number of frames (48 kHz, 24 kHz …). */
        private float[] period;

        private Stream() {}

        /** The block with the mark added to every channel (the same mark: a downmix keeps it). */
        public DecodedAudio mark(DecodedAudio block) {
            if (rate == 0) {
                rate = block.sampleRate();
                attack = 1 - Math.exp(-1000 / (ATTACK_MS * rate));
                release = 1 - Math.exp(-1000 / (RELEASE_MS * rate));
                period = periodAtRate();
            } else if (rate != block.sampleRate()) {
                throw new IllegalArgumentException(
                        "one output's blocks come at one rate: " + rate + " Hz, then " + block.sampleRate());
            }
            int channels = block.channelCount();
            float[][] out = new float[channels][];
            for (int c = 0; c < channels; c++) {
                out[c] = block.channels()[c].clone();
            }
            for (int i = 0; i < block.frames(); i++) {
                double power = 0;
                for (int c = 0; c < channels; c++) {
                    power += out[c][i] * out[c][i];
                }
                power /= channels;
                level += (power > level ? attack : release) * (power - level);
                double at = period != null ? period[(int) (frame % period.length)] : patternAt(frame);
                frame++;
                float mark = (float) (gain * Math.sqrt(level) * at);
                for (int c = 0; c < channels; c++) {
                    out[c][i] += mark;
                }
            }
            return new DecodedAudio(block.sampleRate(), out);
        }

        /** The pattern interpolated once for a whole period, so that each frame is a lookup; null where a period is not whole. */
        private float[] periodAtRate() {
            long scaled = (long) pattern.length * rate;
            if (scaled % WatermarkKey.RATE != 0) {
                return null;
            }
            float[] table = new float[(int) (scaled / WatermarkKey.RATE)];
            for (int i = 0; i < table.length; i++) {
                table[i] = (float) patternAt(i);
            }
            return table;
        }

        /** The pattern at this output frame's instant, interpolated from its 16 kHz samples. */
        private double patternAt(long outputFrame) {
            long scaled = outputFrame * WatermarkKey.RATE;
            long index = scaled / rate;
            int phase = (int) ((scaled % rate) * PHASES / rate);
            float[] taps = KERNEL[phase];
            int start = (int) Math.floorMod(index - HALF_TAPS + 1, (long) pattern.length);
            double x = 0;
            if (start + taps.length <= pattern.length) {
                for (int t = 0; t < taps.length; t++) {
                    x += taps[t] * pattern[start + t];
                }
            } else {
                for (int t = 0; t < taps.length; t++) {
                    x += taps[t] * pattern[(start + t) % pattern.length];
                }
            }
            return x;
        }
    }

    /** Kaiser-windowed sinc taps for each fractional phase between two pattern samples. */
    private static float[][] kernel() {
        float[][] table = new float[PHASES][2 * HALF_TAPS];
        double beta = 6;
        for (int p = 0; p < PHASES; p++) {
            double frac = p / (double) PHASES;
            for (int t = 0; t < 2 * HALF_TAPS; t++) {
                double x = t - (HALF_TAPS - 1) - frac;
                double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
                double r = x / HALF_TAPS;
                double window = Math.abs(r) >= 1 ? 0 : bessel0(beta * Math.sqrt(1 - r * r)) / bessel0(beta);
                table[p][t] = (float) (sinc * window);
            }
        }
        return table;
    }

    private static double bessel0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 30; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }
}
