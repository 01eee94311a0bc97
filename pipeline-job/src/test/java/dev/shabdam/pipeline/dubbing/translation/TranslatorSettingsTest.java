package dev.shabdam.pipeline.dubbing.translation;

import dev.shabdam.pipeline.dubbing.translation.StubServer.Reply;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TranslatorSettingsTest {

    @Test
    void noEngineMeansNoTranslation() {
        assertThat(TranslatorSettings.fromEnvironment(Map.of())).isEmpty();
        assertThat(TranslatorSettings.fromEnvironment(Map.of("SHABDAM_TRANSLATE_ENGINE", " ",
                "SHABDAM_TRANSLATE_URL", "http://llm:8000"))).isEmpty();
    }

    @Test
    void anEngineNeedsAUrl() {
        assertThatThrownBy(() -> TranslatorSettings.fromEnvironment(Map.of("SHABDAM_TRANSLATE_ENGINE", "openai")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SHABDAM_TRANSLATE_ENGINE=openai needs the service's URL in SHABDAM_TRANSLATE_URL");
    }

    @Test
    void openAiDefaultsToGpt4oMiniInBatchesOf40() {
        TranslatorSettings settings = TranslatorSettings.fromEnvironment(Map.of(
                "SHABDAM_TRANSLATE_ENGINE", "OpenAI", "SHABDAM_TRANSLATE_URL", "https://api.openai.com")).orElseThrow();

        assertThat(settings).isEqualTo(new TranslatorSettings("openai", "https://api.openai.com", null, "gpt-4o-mini", 40));
        assertThat(settings.create().engineId()).isEqualTo("openai:gpt-4o-mini");
    }

    @Test
    void readsLibreTranslateWithKeyAndBatch() {
        TranslatorSettings settings = TranslatorSettings.fromEnvironment(Map.of(
                "SHABDAM_TRANSLATE_ENGINE", "libretranslate", "SHABDAM_TRANSLATE_URL", "http://lt:5000",
                "SHABDAM_TRANSLATE_API_KEY", "lt-key", "SHABDAM_TRANSLATE_BATCH", "10")).orElseThrow();

        assertThat(settings).isEqualTo(new TranslatorSettings("libretranslate", "http://lt:5000", "lt-key", null, 10));
        assertThat(settings.create().engineId()).isEqualTo("libretranslate");
    }

    @Test
    void refusesAnUnknownEngineAndABadBatch() {
        assertThatThrownBy(() -> TranslatorSettings.fromEnvironment(Map.of(
                "SHABDAM_TRANSLATE_ENGINE", "deepl", "SHABDAM_TRANSLATE_URL", "https://api.deepl.com")))
                .hasMessage("unknown translation engine 'deepl': SHABDAM_TRANSLATE_ENGINE takes openai or libretranslate");
        assertThatThrownBy(() -> TranslatorSettings.fromEnvironment(Map.of(
                "SHABDAM_TRANSLATE_ENGINE", "openai", "SHABDAM_TRANSLATE_URL", "http://llm:8000", "SHABDAM_TRANSLATE_BATCH", "ten")))
                .hasMessage("SHABDAM_TRANSLATE_BATCH is not a whole number: ten");
        assertThatThrownBy(() -> TranslatorSettings.fromEnvironment(Map.of(
                "SHABDAM_TRANSLATE_ENGINE", "openai", "SHABDAM_TRANSLATE_URL", "http://llm:8000", "SHABDAM_TRANSLATE_BATCH", "0")))
                .hasMessage("SHABDAM_TRANSLATE_BATCH must be at least 1: 0");
    }

    @Test
    void survivesJavaSerializationAndKeepsTheKeyOutOfToString() throws Exception {
        TranslatorSettings settings = new TranslatorSettings("openai", "http://llm:8000", "sk-secret", "qwen2.5-7b", 20);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(settings);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(settings);
        }
        assertThat(settings.toString()).doesNotContain("sk-secret").contains("apiKey=***");
    }

    @Test
    void theCreatedTranslatorTalksToTheConfiguredService() throws Exception {
        try (StubServer server = new StubServer("/translate",
                request -> Reply.ok("{\"translatedText\":[\"ml:" + request.json().path("q").path(0).asText() + "\"]}"))) {
            TranslatorSettings settings = TranslatorSettings.fromEnvironment(Map.of(
                    "SHABDAM_TRANSLATE_ENGINE", "libretranslate", "SHABDAM_TRANSLATE_URL", server.baseUrl(),
                    "SHABDAM_TRANSLATE_API_KEY", "lt-key")).orElseThrow();
            try (Translator translator = settings.create()) {
                assertThat(translator.translate(List.of("Hello."), "en", "ml")).containsExactly("ml:Hello.");
            }
            assertThat(server.requests().get(0).json().path("api_key").asText()).isEqualTo("lt-key");
        }
    }
}
