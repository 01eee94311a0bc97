package dev.shabdam.pipeline.analysis.dsp;

/** The Kaiser-windowed sinc that both interpolators (true peak, resampling) are built from. */
public final class WindowedSinc {
    private WindowedSinc() {}

    /**
     * The ideal low-pass impulse response sin(πt)/(πt), tapered by a Kaiser window that reaches zero
     * at |t| = halfWidth; beta trades pass-band ripple (larger is smoother) against transition width.
     */
    public static double value(double t, double halfWidth, double beta) {
        double u = t / halfWidth;
        if (u <= -1 || u >= 1) {
            return 0.0;
        }
        double sinc = t == 0 ? 1.0 : Math.sin(Math.PI * t) / (Math.PI * t);
        return sinc * besselI0(beta * Math.sqrt(1 - u * u)) / besselI0(beta);
    }

    private static double besselI0(double x) {
        double sum = 1, term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }
}
