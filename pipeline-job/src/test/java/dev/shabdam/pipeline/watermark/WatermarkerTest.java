package dev.shabdam.pipeline.watermark;

import dev.shabdam.pipeline.media.DecodedAudio;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatermarkerTest {
    private static final WatermarkKey KEY = new WatermarkKey(WatermarkKey.DEVELOPMENT);
    private static final int PAYLOAD = 0x2abc_def1 & ((1 << 30) - 1);

    @Test
    void blockByBlockIsTheWholeMarkedAtOnceAndTheSameEveryTime() {
        float[] x = coloured(48_000, 5);
        float[] whole = new Watermarker(KEY, PAYLOAD).mark(x, 48_000);

        Watermarker.Stream stream = new Watermarker(KEY, PAYLOAD).stream();
        float[][] left = new float[1][];
        float[] blocks = new float[0];
        for (int from = 0; from < x.length; from += 10_007) {
            left[0] = Arrays.copyOfRange(x, from, Math.min(x.length, from + 10_007));
            float[] marked = stream.mark(new DecodedAudio(48_000, left)).channels()[0];
            blocks = join(blocks, marked);
        }

        assertThat(blocks).isEqualTo(whole);
        assertThat(new Watermarker(KEY, PAYLOAD).mark(x, 48_000)).isEqualTo(whole);
    }

    @Test
    void everyRateCarriesTheSamePayloadAndAnotherKeyFindsNothing() {
        WatermarkDetector detector = new WatermarkDetector(KEY);
        WatermarkDetector anotherKey = new WatermarkDetector(new WatermarkKey("another key"));
        // 22.05 kHz interpolates frame by frame, 48 kHz looks a whole period up
        for (int rate : new int[] {22_050, 48_000}) {
            float[] marked = new Watermarker(KEY, PAYLOAD).mark(coloured(rate, 6), rate);

            assertThat(detector.detect(marked, rate).payload())
                    .as("%d Hz", rate)
                    .hasValue(PAYLOAD);
            assertThat(new WatermarkDetector(new WatermarkKey("another key"))
                            .detect(marked, rate)
                            .watermarked())
                    .as("%d Hz, another key", rate)
                    .isFalse();
        }
    }

    @Test
    void oneOutputComesAtOneRate() {
        Watermarker.Stream stream = new Watermarker(KEY, PAYLOAD).stream();
        stream.mark(DecodedAudio.mono(48_000, new float[10]));

        assertThatThrownBy(() -> stream.mark(DecodedAudio.mono(44_100, new float[10])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Noise falling with frequency plus a harmonic hum: a coloured host, as speech and music are. */
    private static float[] coloured(int rate, int seconds) {
        SplittableRandom random = new SplittableRandom(7);
        float[] x = new float[rate * seconds];
        double low = 0;
        for (int i = 0; i < x.length; i++) {
            low = 0.95 * low + 0.05 * random.nextGaussian();
            x[i] = (float) (0.3 * low + 0.1 * Math.sin(2 * Math.PI * 140 * i / rate));
        }
        return x;
    }

    private static float[] join(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
