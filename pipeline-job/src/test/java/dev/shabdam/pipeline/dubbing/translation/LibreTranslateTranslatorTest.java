package dev.shabdam.pipeline.dubbing.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shabdam.pipeline.dubbing.translation.StubServer.Reply;
import dev.shabdam.pipeline.dubbing.translation.StubServer.Request;
import dev.shabdam.schemas.RecordCodec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LibreTranslateTranslatorTest {
    private static final String PATH = "/translate";
    private static final HttpRetry FAST = new HttpRetry(3, Duration.ofMillis(1), Duration.ofSeconds(5));

    @Test
    void translatesEveryTextInOrder() throws Exception {
        try (StubServer server = new StubServer(PATH, request -> translate(request, 0));
                Translator translator = new LibreTranslateTranslator(server.baseUrl() + "/", "lt-key", 50, FAST)) {

            assertThat(translator.translate(List.of("Hello.", "Good night, അമ്മ."), "en", "ml"))
                    .containsExactly("ml:Hello.", "ml:Good night, അമ്മ.");

            assertThat(translator.engineId()).isEqualTo("libretranslate");
            JsonNode body = server.requests().get(0).json();
            assertThat(body.path("q").toString()).isEqualTo("[\"Hello.\",\"Good night, അമ്മ.\"]");
            assertThat(body.path("source").asText()).isEqualTo("en");
            assertThat(body.path("target").asText()).isEqualTo("ml");
            assertThat(body.path("format").asText()).isEqualTo("text");
            assertThat(body.path("api_key").asText()).isEqualTo("lt-key");
        }
    }

    @Test
    void sendsNoApiKeyWithoutOne() throws Exception {
        try (StubServer server = new StubServer(PATH, request -> translate(request, 0));
                Translator translator = new LibreTranslateTranslator(server.baseUrl(), null, 50, FAST)) {
            translator.translate(List.of("Hello."), "en", "ml");
            assertThat(server.requests().get(0).json().has("api_key")).isFalse();
        }
    }

    @Test
    void sendsOneRequestPerBatch() throws Exception {
        try (StubServer server = new StubServer(PATH, request -> translate(request, 0));
                Translator translator = new LibreTranslateTranslator(server.baseUrl(), null, 2, FAST)) {

            assertThat(translator.translate(List.of("c1", "c2", "c3", "c4", "c5"), "en", "ml"))
                    .containsExactly("ml:c1", "ml:c2", "ml:c3", "ml:c4", "ml:c5");
            assertThat(server.requests())
                    .extracting(request -> request.json().path("q").toString())
                    .containsExactly("[\"c1\",\"c2\"]", "[\"c3\",\"c4\"]", "[\"c5\"]");
        }
    }

    @Test
    void asksAgainAfterAServerError() throws Exception {
        try (StubServer server = new StubServer(
                        PATH,
                        request -> request.number() == 1
                                ? Reply.status(502, "<html><body>Bad Gateway</body></html>")
                                : translate(request, 0));
                Translator translator = new LibreTranslateTranslator(server.baseUrl(), null, 50, FAST)) {

            assertThat(translator.translate(List.of("Hello."), "en", "ml")).containsExactly("ml:Hello.");
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void failsAfterTheConfiguredAttemptsWhenTheCountIsWrong() throws Exception {
        try (StubServer server = new StubServer(PATH, request -> translate(request, 1));
                Translator translator = new LibreTranslateTranslator(server.baseUrl(), null, 50, FAST)) {

            assertThatThrownBy(() -> translator.translate(List.of("One.", "Two.", "Three."), "en", "ml"))
                    .isInstanceOf(TranslationException.class)
                    .hasMessageContaining(
                            "failed after 3 attempts, the last: invalid answer: 2 translations for 3 texts");
            assertThat(server.requests()).hasSize(3);
        }
    }

    @Test
    void failsAtOnceOnAnUnsupportedLanguage() throws Exception {
        try (StubServer server =
                        new StubServer(PATH, request -> Reply.status(400, "{\"error\":\"ml is not supported\"}"));
                Translator translator = new LibreTranslateTranslator(server.baseUrl(), null, 50, FAST)) {

            assertThatThrownBy(() -> translator.translate(List.of("Hello."), "en", "ml"))
                    .isInstanceOf(TranslationException.class)
                    .hasMessageContaining("HTTP 400: {\"error\":\"ml is not supported\"}");
            assertThat(server.requests()).hasSize(1);
        }
    }

    /** LibreTranslate's answer to an array {@code q}, "translating" by prefixing {@code ml:}, less the last {@code dropped}. */
    private static Reply translate(Request request, int dropped) {
        JsonNode q = request.json().path("q");
        ObjectNode answer = RecordCodec.mapper().createObjectNode();
        var translated = answer.putArray("translatedText");
        for (int i = 0; i < q.size() - dropped; i++) {
            translated.add("ml:" + q.path(i).asText());
        }
        return Reply.ok(answer.toString());
    }
}
