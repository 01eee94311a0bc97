package dev.shabdam.pipeline.watermark;

import dev.shabdam.pipeline.analysis.dsp.Fft;

/** The inverse transform by the forward one: conjugate, transform, conjugate, divide by the size. */
final class Spectra {
    private Spectra() {}

    static void inverse(Fft fft, double[] re, double[] im) {
        int n = re.length;
        for (int i = 0; i < n; i++) {
            im[i] = -im[i];
        }
        fft.transform(re, im);
        for (int i = 0; i < n; i++) {
            re[i] /= n;
            im[i] = -im[i] / n;
        }
    }
}
