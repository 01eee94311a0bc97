package dev.shabdam.pipeline.synthesis;

import dev.shabdam.schemas.CacheScope;
import dev.shabdam.speech.prosody.Emotion;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CacheTest {

    private static String key(
            String text, Language language, String voice, Prosody prosody, String engine, String version) {
        return SynthesisCacheKey.of(SCOPE, text, language, voice, prosody, engine, version);
    }

    private static final String SCOPE = new CacheScope("tenant-a").id();

    @Test
    void keyIsStableHexAndSensitiveToEveryField() {
        String base = key("നമസ്കാരം", Language.ML, "ml", Prosody.NEUTRAL, "espeak-ng", "1.51");
        assertThat(base)
                .matches("[0-9a-f]{64}")
                .isEqualTo(key("നമസ്കാരം", Language.ML, "ml", Prosody.NEUTRAL, "espeak-ng", "1.51"))
                // pinned: the key must not change between releases unless SCHEME is bumped
                .isEqualTo(SynthesisCacheKey.of(
                        "tenant:tenant-a",
                        "നമസ്കാരം",
                        Language.ML,
                        "ml",
                        new Prosody(1.0, 0.0, Emotion.NEUTRAL, 1.0),
                        "espeak-ng",
                        "1.51"));
        List<String> variants = List.of(
                SynthesisCacheKey.of(
                        new CacheScope("tenant-b").id(),
                        "നമസ്കാരം",
                        Language.ML,
                        "ml",
                        Prosody.NEUTRAL,
                        "espeak-ng",
                        "1.51"),
                SynthesisCacheKey.of(
                        CacheScope.SHARED.id(), "നമസ്കാരം", Language.ML, "ml", Prosody.NEUTRAL, "espeak-ng", "1.51"),
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
    void knownResultsForgetTheLeastRecentlyUsedFirst() {
        KnownResults known = new KnownResults(2);
        known.put("a", "{}");
        known.put("b", "{}");
        assertThat(known.get("a")).isPresent(); // a is now more recent than b
        known.put("c", "{}");

        assertThat(known.get("b")).isEmpty();
        assertThat(known.get("a")).contains("{}");
        assertThat(known.get("c")).isPresent();
        assertThat(known.size()).isEqualTo(2);
    }
}
