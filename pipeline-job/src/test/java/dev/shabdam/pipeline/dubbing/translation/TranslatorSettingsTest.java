package dev.shabdam.pipeline.dubbing.translation;

import dev.shabdam.pipeline.dubbing.translation.StubServer.Reply;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TranslatorSettingsTest {

    @Test
    void survivesJavaSerializationAndKeepsTheKeyOutOfToString() throws Exception {
        TranslatorSettings settings =
                new TranslatorSettings("openai", "http://llm:8000", "sk-secret", "qwen2.5-7b", 20);
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
        try (StubServer server = new StubServer(
                "/translate",
                request -> Reply.ok("{\"translatedText\":[\"ml:"
                        + request.json().path("q").path(0).asText() + "\"]}"))) {
            TranslatorSettings settings =
                    TranslatorSettings.withDefaults("libretranslate", server.baseUrl(), "lt-key", null, null);
            try (Translator translator = settings.create()) {
                assertThat(translator.translate(List.of("Hello."), "en", "ml")).containsExactly("ml:Hello.");
            }
            assertThat(server.requests().get(0).json().path("api_key").asText()).isEqualTo("lt-key");
        }
    }
}
