package dev.shabdam.pipeline.synthesis.audio;

import java.util.Arrays;
import java.util.List;

/**
 * Mono audio as floats in [-1, 1]. The array is owned by the record: do not mutate it after
 * construction (the cache hands the same instance to many callers).
 */
public record Audio(float[] samples, int sampleRate) {

    public Audio {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be positive");
        }
    }

    public static Audio fromPcm16(short[] pcm, int sampleRate) {
        float[] samples = new float[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            samples[i] = pcm[i] / 32768f;
        }
        return new Audio(samples, sampleRate);
    }

    public static Audio silence(int millis, int sampleRate) {
        return new Audio(new float[(int) ((long) millis * sampleRate / 1000)], sampleRate);
    }

    /** Joins clips of one sample rate end to end. */
    public static Audio concat(List<Audio> parts, int sampleRate) {
        int total = parts.stream().mapToInt(a -> a.samples.length).sum();
        float[] out = new float[total];
        int at = 0;
        for (Audio part : parts) {
            if (part.sampleRate != sampleRate) {
                throw new IllegalArgumentException("mixed sample rates: " + part.sampleRate + " and " + sampleRate);
            }
            System.arraycopy(part.samples, 0, out, at, part.samples.length);
            at += part.samples.length;
        }
        return new Audio(out, sampleRate);
    }

    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }

    public Audio withGainDb(double db) {
        float gain = (float) Math.pow(10, db / 20);
        float[] out = new float[samples.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = samples[i] * gain;
        }
        return new Audio(out, sampleRate);
    }

    /** RMS level in dBFS (−∞ for silence). */
    public double rmsDbfs() {
        double sum = 0;
        for (float s : samples) {
            sum += s * s;
        }
        return 10 * Math.log10(sum / Math.max(1, samples.length));
    }

    /**
     * This audio without its leading and trailing silence (every sample under {@code silenceDbfs}),
     * {@code marginMs} of it kept on each side; all silence is returned as it is.
     */
    public Audio withoutEdgeSilence(double silenceDbfs, int marginMs) {
        float floor = (float) Math.pow(10, silenceDbfs / 20);
        int first = 0;
        while (first < samples.length && Math.abs(samples[first]) < floor) {
            first++;
        }
        if (first == samples.length) {
            return this;
        }
        int last = samples.length - 1;
        while (Math.abs(samples[last]) < floor) {
            last--;
        }
        int margin = sampleRate * marginMs / 1000;
        return new Audio(
                Arrays.copyOfRange(samples, Math.max(0, first - margin), Math.min(samples.length, last + 1 + margin)),
                sampleRate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Audio a && a.sampleRate == sampleRate && Arrays.equals(a.samples, samples);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(samples) + sampleRate;
    }

    @Override
    public String toString() {
        return "Audio[" + samples.length + " samples @ " + sampleRate + " Hz]";
    }
}
