package dev.shabdam.pipeline.watermark;

import dev.shabdam.pipeline.analysis.dsp.Fft;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * The secret the marks are made with: it seeds the pseudo-noise sequences, so only a holder of the same
 * key can find (or forge) a mark. Each sequence is {@link #PERIOD} chips at {@link #RATE} Hz (2.048 s),
 * drawn with HMAC-SHA256 in counter mode, limited to {@value #LOW_HZ}–{@value #HIGH_HZ} Hz (what survives
 * resampling to 16 kHz and a speech codec) and scaled to unit RMS.
 */
public final class WatermarkKey implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The development key; a deployment sets its own ({@code SHABDAM_WATERMARK_KEY}). */
    public static final String DEVELOPMENT = "shabdam-development-watermark-key";

    static final int RATE = 16_000;
    static final int PERIOD = 1 << 15;
    static final double LOW_HZ = 200;
    static final double HIGH_HZ = 7_000;
    /** Sequence 0 finds the offset; sequences 1 and 2 carry the payload as their shifts against it. */
    static final int SEQUENCES = 3;

    private final String secret;
    private transient volatile float[][] sequences;

    public WatermarkKey(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the watermark key must not be empty");
        }
        this.secret = secret;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WatermarkKey other && secret.equals(other.secret);
    }

    @Override
    public int hashCode() {
        return secret.hashCode();
    }

    /** Never the secret itself: settings get logged. */
    @Override
    public String toString() {
        return DEVELOPMENT.equals(secret) ? "WatermarkKey[development]" : "WatermarkKey[configured]";
    }

    /** The key's {@link #SEQUENCES} sequences, made once. */
    float[][] sequences() {
        float[][] made = sequences;
        if (made == null) {
            made = new float[SEQUENCES][];
            for (int i = 0; i < SEQUENCES; i++) {
                made[i] = sequence(i);
            }
            sequences = made;
        }
        return made;
    }

    /** Sequence {@code index} of this key: {@link #PERIOD} samples, band-limited, unit RMS. */
    private float[] sequence(int index) {
        double[] re = chips(index);
        double[] im = new double[PERIOD];
        Fft fft = new Fft(PERIOD);
        fft.transform(re, im);
        int low = (int) Math.ceil(LOW_HZ * PERIOD / RATE);
        int high = (int) Math.floor(HIGH_HZ * PERIOD / RATE);
        for (int k = 0; k < PERIOD; k++) {
            int bin = Math.min(k, PERIOD - k);
            if (bin < low || bin > high) {
                re[k] = 0;
                im[k] = 0;
            }
        }
        Spectra.inverse(fft, re, im);
        double power = 0;
        for (double x : re) {
            power += x * x;
        }
        double scale = 1 / Math.sqrt(power / PERIOD);
        float[] sequence = new float[PERIOD];
        for (int i = 0; i < PERIOD; i++) {
            sequence[i] = (float) (re[i] * scale);
        }
        return sequence;
    }

    /** ±1 chips from HMAC-SHA256(key, index ‖ block), 256 chips a block. */
    private double[] chips(int index) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            double[] chips = new double[PERIOD];
            for (int block = 0; block * 256 < PERIOD; block++) {
                byte[] bits = mac.doFinal(
                        ByteBuffer.allocate(8).putInt(index).putInt(block).array());
                for (int i = 0; i < 256; i++) {
                    chips[block * 256 + i] = ((bits[i >> 3] >> (i & 7)) & 1) == 0 ? -1 : 1;
                }
            }
            return chips;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
