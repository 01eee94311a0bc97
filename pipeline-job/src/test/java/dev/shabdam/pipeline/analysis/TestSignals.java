package dev.shabdam.pipeline.analysis;

import dev.shabdam.pipeline.media.DecodedAudio;

import java.util.Random;

/** Generated test signals: every fixture is made here, none is read from disk. */
public final class TestSignals {
    private TestSignals() {}

    public static float[] sine(int rate, double hz, double dbfs, double seconds, double phase) {
        float[] x = new float[(int) Math.round(rate * seconds)];
        double amplitude = Math.pow(10, dbfs / 20);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate + phase));
        }
        return x;
    }

    /** 1 kHz sines at the given levels and durations, one after another (the EBU test-signal shape). */
    public static float[] steps(int rate, double[] dbfs, double[] seconds) {
        float[][] parts = new float[dbfs.length][];
        for (int i = 0; i < dbfs.length; i++) {
            parts[i] = sine(rate, 1000, dbfs[i], seconds[i], 0);
        }
        return concat(parts);
    }

    public static float[] concat(float[]... parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    public static DecodedAudio stereo(int rate, float[] x) {
        return new DecodedAudio(rate, new float[][] {x, x.clone()});
    }

    public static float[] sawtooth(int rate, double hz, double amplitude, double seconds) {
        float[] x = new float[(int) Math.round(rate * seconds)];
        for (int i = 0; i < x.length; i++) {
            double phase = (hz * i / rate) % 1.0;
            x[i] = (float) (amplitude * (2 * phase - 1));
        }
        return x;
    }

    /**
     * Smooth glottal-like pulses (Gaussian, σ = 3 samples) at the given instants, so that peaks sit at
     * fractional positions and a period measurement is not quantised to whole samples.
     */
    public static float[] pulsesAt(int rate, double[] instantsSec, double[] amplitudes, double seconds) {
        float[] x = new float[(int) Math.round(rate * seconds)];
        double sigma = 3.0;
        for (int p = 0; p < instantsSec.length; p++) {
            double centre = instantsSec[p] * rate;
            int from = Math.max(0, (int) (centre - 6 * sigma)), to = Math.min(x.length, (int) (centre + 6 * sigma) + 1);
            for (int i = from; i < to; i++) {
                double u = (i - centre) / sigma;
                x[i] += (float) (amplitudes[p] * Math.exp(-0.5 * u * u));
            }
        }
        return x;
    }

    /** A pulse train at a steady rate; {@code periodJitter} is the relative standard deviation of each period. */
    public static float[] pulseTrain(
            int rate, double hz, double seconds, double periodJitter, double amplitudeJitter, long seed) {
        Random random = new Random(seed);
        int n = (int) (seconds * hz) + 1;
        double[] instants = new double[n];
        double[] amplitudes = new double[n];
        double t = 0.5 / hz;
        for (int p = 0; p < n; p++) {
            instants[p] = t;
            amplitudes[p] = 0.5 * (1 + amplitudeJitter * random.nextGaussian());
            t += (1 + periodJitter * random.nextGaussian()) / hz;
        }
        return pulsesAt(rate, instants, amplitudes, seconds);
    }

    public static float[] whiteNoise(int rate, double rms, double seconds, long seed) {
        Random random = new Random(seed);
        float[] x = new float[(int) Math.round(rate * seconds)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rms * random.nextGaussian());
        }
        return x;
    }

    /**
     * Speech-like syllables: a vowel-ish source (harmonics of an F0 that swings ±{@code swingSemitones}
     * over 2 s, like intonation, up to 4 kHz, harmonic k at amplitude k^−tilt, so the spectrum tilts
     * down like a voice) under a raised-cosine envelope, {@code perSecond} syllables per second in
     * phrases of {@code phraseSec} separated by {@code pauseSec} of silence; peak amplitude {@code peak}.
     */
    public static float[] syllables(
            int rate,
            double f0Hz,
            double swingSemitones,
            double tilt,
            double perSecond,
            double phraseSec,
            double pauseSec,
            double seconds,
            double peak) {
        float[] x = new float[(int) Math.round(rate * seconds)];
        double cycle = phraseSec + pauseSec;
        double phase = 0, max = 0;
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) rate;
            double inPhrase = t % cycle;
            double hz = f0Hz * Math.pow(2, swingSemitones / 12 * Math.sin(2 * Math.PI * 0.5 * t));
            phase += 2 * Math.PI * hz / rate;
            double envelope = 0;
            if (inPhrase < phraseSec) {
                double s = (inPhrase * perSecond) % 1.0;
                envelope = 0.5 - 0.5 * Math.cos(2 * Math.PI * s);
            }
            // sin(kφ) by the Chebyshev recurrence: one sin and one cos per sample for all harmonics
            double twoCos = 2 * Math.cos(phase), previous = 0, current = Math.sin(phase), source = 0;
            for (int k = 1; k * hz < 4000; k++) {
                source += current * Math.pow(k, -tilt);
                double next = twoCos * current - previous;
                previous = current;
                current = next;
            }
            x[i] = (float) (envelope * source);
            max = Math.max(max, Math.abs(x[i]));
        }
        return scaled(x, max == 0 ? 0 : peak / max);
    }

    /** Raised-cosine fade-in and fade-out over {@code samples} at each end. */
    public static float[] faded(float[] x, int samples) {
        float[] out = x.clone();
        for (int i = 0; i < samples && i < x.length; i++) {
            float gain = (float) (0.5 - 0.5 * Math.cos(Math.PI * i / samples));
            out[i] *= gain;
            out[x.length - 1 - i] *= gain;
        }
        return out;
    }

    public static float[] plus(float[] a, float[] b) {
        float[] out = a.clone();
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            out[i] += b[i];
        }
        return out;
    }

    public static float[] scaled(float[] a, double gain) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (a[i] * gain);
        }
        return out;
    }
}
