package dev.shabdam.pipeline.media;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Frames are 32 ms: frame i covers [32·i, 32·i + 32) ms. Defaults: pad 100, min speech 250, min silence 300. */
class VoiceActivitySegmenterTest {
    private final VoiceActivitySegmenter segmenter = new VoiceActivitySegmenter();

    private static float[] silence(int frames) {
        float[] probabilities = new float[frames];
        Arrays.fill(probabilities, 0.1f);
        return probabilities;
    }

    /** Sets frames [from, to) to {@code p}. */
    private static float[] with(float[] probabilities, int from, int to, float p) {
        Arrays.fill(probabilities, from, to, p);
        return probabilities;
    }

    private List<SpeechSpan> segment(float[] probabilities) {
        return segmenter.segment(probabilities, probabilities.length * 32L);
    }

    @Test
    void burstOfSpeechIsPadded() {
        // speech [320, 960) ms, padded by 100 ms on both sides
        assertThat(segment(with(silence(100), 10, 30, 0.9f))).containsExactly(new SpeechSpan(0, 220, 1060));
    }

    @Test
    void blipShorterThanMinSpeechIsIgnored() {
        float[] p = with(silence(100), 10, 17, 0.9f); // 224 ms
        with(p, 50, 70, 0.9f);
        assertThat(segment(p)).containsExactly(new SpeechSpan(0, 1500, 2340));
    }

    @Test
    void silenceShorterThanMinSilenceDoesNotSplit() {
        float[] p = with(silence(100), 10, 50, 0.9f);
        with(p, 30, 39, 0.1f); // 288 ms
        assertThat(segment(p)).containsExactly(new SpeechSpan(0, 220, 1700));
    }

    @Test
    void probabilityBetweenThresholdsKeepsSpeechOnButDoesNotStartIt() {
        float[] p = with(silence(100), 10, 30, 0.9f);
        with(p, 30, 50, 0.4f);
        with(p, 70, 90, 0.4f);
        assertThat(segment(p)).containsExactly(new SpeechSpan(0, 220, 1700));
    }

    @Test
    void gapsThatPaddingBringsUnderMergeGapAreMerged() {
        // speech [320, 960) and [1280, 1920): 320 ms apart, 120 ms once padded
        float[] p = with(with(silence(100), 10, 30, 0.9f), 40, 60, 0.9f);
        assertThat(segment(p)).containsExactly(new SpeechSpan(0, 220, 2020));
    }

    @Test
    void widerGapsStaySeparate() {
        // speech [320, 960) and [1600, 2240): 440 ms apart once padded
        float[] p = with(with(silence(100), 10, 30, 0.9f), 50, 70, 0.9f);
        assertThat(segment(p)).containsExactly(new SpeechSpan(0, 220, 1060), new SpeechSpan(1, 1500, 2340));
    }

    @Test
    void paddingStopsAtTheEndsOfTheAudio() {
        float[] p = with(with(silence(40), 0, 10, 0.9f), 30, 40, 0.9f);
        // the last frame is only partly audio: 1270 ms long
        assertThat(segmenter.segment(p, 1270)).containsExactly(new SpeechSpan(0, 0, 420), new SpeechSpan(1, 860, 1270));
    }

    @Test
    void longSpeechIsSplitAtItsLeastSpeechLikeFrame() {
        float[] p = with(silence(500), 0, 450, 0.9f); // [0, 14400) → padded [0, 14500]
        p[200] = 0.6f;
        p[300] = 0.7f;
        assertThat(segmenter.segment(p, 16_000))
                .containsExactly(new SpeechSpan(0, 0, 200 * 32 + 16), new SpeechSpan(1, 200 * 32 + 16, 14_500));
    }

    @Test
    void veryLongSpeechIsSplitUntilEveryPieceFits() {
        float[] p = with(silence(1000), 0, 1000, 0.9f); // 32 s of uniform speech
        List<SpeechSpan> spans = segmenter.segment(p, 32_000);
        // halves of halves: a flat stretch is cut evenly, not shaved from the front
        assertThat(spans).hasSize(4).allSatisfy(u -> assertThat(u.durationMs()).isBetween(7_900L, 8_100L));
        assertThat(spans.get(0).startMs()).isZero();
        assertThat(spans.get(spans.size() - 1).endMs()).isEqualTo(32_000);
        for (int i = 1; i < spans.size(); i++) {
            assertThat(spans.get(i).startMs()).isEqualTo(spans.get(i - 1).endMs());
            assertThat(spans.get(i).index()).isEqualTo(i);
        }
    }

    @Test
    void silenceGivesNothing() {
        assertThat(segment(silence(100))).isEmpty();
    }

    @Test
    void settingsThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> new VoiceActivitySegmenter.Settings(0.3f, 0.5f, 250, 300, 100, 300, 12_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VoiceActivitySegmenter.Settings(0.5f, 0.35f, 250, 300, 100, 300, 400))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
