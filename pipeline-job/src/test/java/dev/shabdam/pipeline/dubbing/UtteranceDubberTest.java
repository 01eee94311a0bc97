package dev.shabdam.pipeline.dubbing;

import dev.shabdam.pipeline.synthesis.audio.Audio;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UtteranceDubberTest {

    @Test
    void edgeSilenceIsCutToAFewMilliseconds() {
        int rate = 16_000;
        float[] samples = new float[rate];           // 1 s: silence, 0.5 s of tone from 0.3 s, silence
        for (int i = (int) (0.3 * rate); i < (int) (0.8 * rate); i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * 200 * i / rate) + 0.01);
        }

        Audio trimmed = UtteranceDubber.withoutEdgeSilence(new Audio(samples, rate));

        int margin = rate * UtteranceDubber.EDGE_MARGIN_MS / 1000;
        assertThat(trimmed.samples().length).isEqualTo((int) (0.5 * rate) + 2 * margin);
    }

    @Test
    void allSilenceIsLeftAsItIs() {
        Audio silence = Audio.silence(200, 16_000);

        assertThat(UtteranceDubber.withoutEdgeSilence(silence)).isEqualTo(silence);
    }
}
