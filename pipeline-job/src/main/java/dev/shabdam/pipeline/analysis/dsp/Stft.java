package dev.shabdam.pipeline.analysis.dsp;

/**
 * Short-time Fourier analysis and resynthesis by weighted overlap-add: Hann windows of {@code size}
 * samples every {@code size / 4}, the same window again on the way out, so that an untouched
 * spectrum gives back the input (the squared windows at 75 % overlap sum to 1.5, divided out).
 * Each frame's spectrum is handed to a {@link FrameShaper} that may change it in place; what the
 * training features and the voice matcher do to a spectrum is written there, not here.
 */
public final class Stft {
    /** Changes one frame's spectrum (bins 0..size/2 are the ones that matter; the rest are mirrored). */
    @FunctionalInterface
    public interface FrameShaper {
        void shape(double[] re, double[] im);
    }

    private static final double OVERLAP_ADD_GAIN = 1.5;

    private final int size;
    private final int hop;
    private final Fft fft;
    private final double[] window;

    public Stft(int size) {
        this.size = size;
        this.hop = size / 4;
        this.fft = new Fft(size);
        this.window = new double[size];
        for (int i = 0; i < size; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / size);
        }
    }

    /** {@code x} with every frame's spectrum shaped; the same length as {@code x}. */
    public float[] process(float[] x, FrameShaper shaper) {
        double[] out = new double[x.length + 2 * size];
        double[] re = new double[size];
        double[] im = new double[size];
        // frames start one window before the signal, so its first samples get the full overlap too
        for (int start = -size; start < x.length; start += hop) {
            frame(x, start, re, im);
            shaper.shape(re, im);
            mirror(re, im);
            inverse(re, im);
            for (int i = 0; i < size; i++) {
                out[start + size + i] += re[i] * window[i];
            }
        }
        float[] y = new float[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (out[i + size] / OVERLAP_ADD_GAIN);
        }
        return y;
    }

    /** Calls {@code shaper} on the spectrum of every frame of {@code x} without resynthesis (for measuring). */
    public void analyse(float[] x, FrameShaper shaper) {
        double[] re = new double[size];
        double[] im = new double[size];
        for (int start = 0; start + size <= x.length; start += hop) {
            frame(x, start, re, im);
            shaper.shape(re, im);
        }
    }

    private void frame(float[] x, int start, double[] re, double[] im) {
        for (int i = 0; i < size; i++) {
            int at = start + i;
            re[i] = at >= 0 && at < x.length ? x[at] * window[i] : 0;
            im[i] = 0;
        }
        fft.transform(re, im);
    }

    /** Makes bins above Nyquist the conjugates of those below, so that the inverse is real. */
    private void mirror(double[] re, double[] im) {
        im[0] = 0;
        im[size / 2] = 0;
        for (int k = 1; k < size / 2; k++) {
            re[size - k] = re[k];
            im[size - k] = -im[k];
        }
    }

    /** Inverse transform in place by the conjugate trick: ifft(X) = conj(fft(conj(X))) / N. */
    private void inverse(double[] re, double[] im) {
        for (int i = 0; i < size; i++) {
            im[i] = -im[i];
        }
        fft.transform(re, im);
        for (int i = 0; i < size; i++) {
            re[i] /= size;
            im[i] = -im[i] / size;
        }
    }
}
