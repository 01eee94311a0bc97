package dev.shabdam.pipeline.training;

import dev.shabdam.pipeline.analysis.dsp.Stft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Denoising by spectral gating (the method of the noisereduce package): the noise's spectrum is the
 * per-bin median magnitude of the quietest {@value #QUIET_SHARE_PERCENT} % of frames (the pauses), and
 * each bin of each frame is attenuated by a soft gate, a Wiener-like gain
 * max(floor, 1 − (k·N/|X|)²)^½ with k = {@value #OVER_SUBTRACTION}, so that bins near the noise
 * level are pulled down by up to {@value #FLOOR_DB} dB and bins well above it are left alone.
 * Stationary noise (fans, hiss, hum) goes; noise that changes with the speech does not.
 */
final class SpectralGate {
    static final int QUIET_SHARE_PERCENT = 10;
    static final double OVER_SUBTRACTION = 2.0;
    static final double FLOOR_DB = -18;
    private static final int FFT_SIZE = 512;

    private SpectralGate() {}

    static float[] apply(float[] x) {
        Stft stft = new Stft(FFT_SIZE);
        double[] noise = noiseSpectrum(stft, x);
        double floor = Math.pow(10, FLOOR_DB / 20);
        return stft.process(x, (re, im) -> {
            for (int k = 0; k <= FFT_SIZE / 2; k++) {
                double magnitude = Math.hypot(re[k], im[k]);
                double ratio = magnitude > 0 ? OVER_SUBTRACTION * noise[k] / magnitude : 1;
                double gain = Math.max(floor, Math.sqrt(Math.max(0, 1 - ratio * ratio)));
                re[k] *= gain;
                im[k] *= gain;
            }
        });
    }

    private static double[] noiseSpectrum(Stft stft, float[] x) {
        List<double[]> frames = new ArrayList<>();
        List<Double> energies = new ArrayList<>();
        stft.analyse(x, (re, im) -> {
            double[] magnitude = new double[FFT_SIZE / 2 + 1];
            double energy = 0;
            for (int k = 0; k < magnitude.length; k++) {
                magnitude[k] = Math.hypot(re[k], im[k]);
                energy += magnitude[k] * magnitude[k];
            }
            frames.add(magnitude);
            energies.add(energy);
        });
        double[] noise = new double[FFT_SIZE / 2 + 1];
        if (frames.isEmpty()) {
            return noise;
        }
        double[] sorted =
                energies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double quietest = sorted[(int) ((sorted.length - 1) * QUIET_SHARE_PERCENT / 100.0)];
        List<double[]> quiet = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            if (energies.get(i) <= quietest) {
                quiet.add(frames.get(i));
            }
        }
        double[] column = new double[quiet.size()];
        for (int k = 0; k < noise.length; k++) {
            for (int i = 0; i < column.length; i++) {
                column[i] = quiet.get(i)[k];
            }
            Arrays.sort(column);
            noise[k] = column[column.length / 2];
        }
        return noise;
    }
}
