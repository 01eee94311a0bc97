package dev.shabdam.pipeline.synthesis;

import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.pipeline.synthesis.prosody.Emotion;
import dev.shabdam.pipeline.synthesis.prosody.Prosody;
import dev.shabdam.pipeline.synthesis.text.Language;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CacheTest {

    private static String key(String text, Language language, String voice, Prosody prosody, String engine, String version) {
        return SynthesisCacheKey.of(text, language, voice, prosody, engine, version);
    }

    @Test
    void keyIsStableHexAndSensitiveToEveryField() {
        String base = key("നമസ്കാരം", Language.ML, "ml", Prosody.NEUTRAL, "espeak-ng", "1.51");
        assertThat(base).matches("[0-9a-f]{64}")
                .isEqualTo(key("നമസ്കാരം", Language.ML, "ml", Prosody.NEUTRAL, "espeak-ng", "1.51"))
                // pinned: the key must not change between releases unless SCHEME is bumped
                .isEqualTo(SynthesisCacheKey.of("നമസ്കാരം", Language.ML, "ml", new Prosody(1.0, 0.0, Emotion.NEUTRAL, 1.0), "espeak-ng", "1.51"));
        List<String> variants = List.of(
                key("നമസ്കാരം.", Language.ML, "ml", Prosody.NEUTRAL, "espeak-ng", "1.51"),
                key("നമസ്കാരം", Language.EN, "ml", Prosody.NEUTRAL, "espeak-ng", "1.51"),
                key("നമസ്കാരം", Language.ML, "en", Prosody.NEUTRAL, "espeak-ng", "1.51"),
                key("നമസ്കാരം", Language.ML, null, Prosody.NEUTRAL, "espeak-ng", "1.51"),
                key("നമസ്കാരം", Language.ML, "ml", Prosody.NEUTRAL.withSpeed(1.1), "espeak-ng", "1.51"),
                key("നമസ്കാരം", Language.ML, "ml", Prosody.NEUTRAL.withPitch(1), "espeak-ng", "1.51"),
                key("നമസ്കാരം", Language.ML, "ml", Prosody.NEUTRAL.withEmotion(Emotion.HAPPY), "espeak-ng", "1.51"),
                key("നമസ്കാരം", Language.ML, "ml", Prosody.NEUTRAL.withVolume(0.5), "espeak-ng", "1.51"),
                key("നമസ്കാരം", Language.ML, "ml", Prosody.NEUTRAL, "vits-onnx", "1.51"),
                key("നമസ്കാരം", Language.ML, "ml", Prosody.NEUTRAL, "espeak-ng", "1.52"),
                // length prefixes: moving a character between fields changes the key
                key("നമസ്കാരം", Language.ML, "ml", Prosody.NEUTRAL, "espeak-ng1", ".51"));
        Set<String> distinct = variants.stream().collect(Collectors.toSet());
        assertThat(distinct).hasSize(variants.size()).doesNotContain(base);
    }

    @Test
    void lruEvictsLeastRecentlyUsedByBytes() {
        Audio second = new Audio(new float[1000], 16000); // 4016 bytes each
        AudioLru lru = new AudioLru(3 * second.sizeBytes());
        lru.put("a", new Audio(new float[1000], 16000));
        lru.put("b", second);
        lru.put("c", new Audio(new float[1000], 16000));
        assertThat(lru.get("a")).isPresent(); // a is now more recent than b
        lru.put("d", new Audio(new float[1000], 16000));
        assertThat(lru.get("b")).isEmpty();
        assertThat(lru.get("a")).isPresent();
        assertThat(lru.entryCount()).isEqualTo(3);
        assertThat(lru.sizeBytes()).isEqualTo(3 * second.sizeBytes());
        lru.put("big", new Audio(new float[2500], 16000)); // 10016 bytes: evicts two
        assertThat(lru.entryCount()).isEqualTo(1);
        assertThat(lru.sizeBytes()).isLessThanOrEqualTo(3 * second.sizeBytes());
        assertThat(lru.hits()).isEqualTo(2);
        assertThat(lru.misses()).isEqualTo(1);
    }

    @Test
    void audioLargerThanTheWholeCacheIsNotKept() {
        AudioLru lru = new AudioLru(100);
        lru.put("huge", new Audio(new float[1000], 16000));
        assertThat(lru.entryCount()).isZero();
        assertThat(lru.get("huge")).isEmpty();
    }
}
