package dev.shabdam.pipeline.synthesis.audio;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeSilenceTest {

    @Test
    void edgeSilenceIsCutToAFewMilliseconds() {
        int rate = 16_000;
        float[] samples = new float[rate]; // 1 s: silence, 0.5 s of tone from 0.3 s, silence
        for (int i = (int) (0.3 * rate); i < (int) (0.8 * rate); i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * 200 * i / rate) + 0.01);
        }

        Audio trimmed = new Audio(samples, rate).withoutEdgeSilence(-50, 5);

        int margin = rate * 5 / 1000;
        assertThat(trimmed.samples().length).isEqualTo((int) (0.5 * rate) + 2 * margin);
    }

    @Test
    void allSilenceIsLeftAsItIs() {
        Audio silence = Audio.silence(200, 16_000);

        assertThat(silence.withoutEdgeSilence(-50, 5)).isEqualTo(silence);
    }
}
