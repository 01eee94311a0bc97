package dev.shabdam.pipeline.dubbing.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shabdam.pipeline.dubbing.translation.StubServer.Reply;
import dev.shabdam.pipeline.dubbing.translation.StubServer.Request;
import dev.shabdam.schemas.RecordCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class OpenAiChatTranslatorTest {
    private static final String PATH = "/v1/chat/completions";
    private static final HttpRetry FAST = new HttpRetry(3, Duration.ofMillis(1), Duration.ofSeconds(5));

    @Test
    void translatesEveryCueInOrderInOneRequest() throws Exception {
        try (StubServer server = new StubServer(PATH, OpenAiChatTranslatorTest::translate);
                Translator translator = translator(server.baseUrl(), "sk-test", 40, FAST)) {

            assertThat(translator.translate(List.of("Hello.", "Where are you going?", "Good night, അമ്മ."), "en", "ml"))
                    .containsExactly("ml:Hello.", "ml:Where are you going?", "ml:Good night, അമ്മ.");

            assertThat(translator.engineId()).isEqualTo("openai:gpt-4o-mini");
            assertThat(server.requests()).hasSize(1);
            Request request = server.requests().get(0);
            assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test");
            JsonNode body = request.json();
            assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
            assertThat(body.path("temperature").asInt(-1)).isZero();
            assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
            assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("system");
            assertThat(body.path("messages").path(0).path("content").asText())
                    .contains("English (en)", "Malayalam (ml)");
            assertThat(body.path("messages").path(1).path("role").asText()).isEqualTo("user");
        }
    }

    @Test
    void sendsNoAuthorizationWithoutAKey() throws Exception {
        try (StubServer server = new StubServer(PATH, OpenAiChatTranslatorTest::translate);
                Translator translator = translator(server.baseUrl(), null, 40, FAST)) {
            translator.translate(List.of("Hello."), "en", "ml");
            assertThat(server.requests().get(0).header("Authorization")).isNull();
        }
    }

    @Test
    void sendsOneRequestPerBatchWithTheNeighbouringCuesAsContext() throws Exception {
        try (StubServer server = new StubServer(PATH, OpenAiChatTranslatorTest::translate);
                Translator translator = translator(server.baseUrl(), null, 2, FAST)) {

            assertThat(translator.translate(List.of("c1", "c2", "c3", "c4", "c5"), "en", "ml"))
                    .containsExactly("ml:c1", "ml:c2", "ml:c3", "ml:c4", "ml:c5");

            assertThat(server.requests()).hasSize(3);
            JsonNode second = userMessage(server.requests().get(1));
            assertThat(second.path("cues").toString())
                    .isEqualTo("[{\"id\":3,\"text\":\"c3\"},{\"id\":4,\"text\":\"c4\"}]");
            assertThat(second.path("context_before").toString()).isEqualTo("[\"c1\",\"c2\"]");
            assertThat(second.path("context_after").toString()).isEqualTo("[\"c5\"]");
            assertThat(userMessage(server.requests().get(0))
                            .path("context_before")
                            .toString())
                    .isEqualTo("[]");
            assertThat(userMessage(server.requests().get(2))
                            .path("context_after")
                            .toString())
                    .isEqualTo("[]");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/v1", "/v1/"})
    void findsTheEndpointWhateverTheBaseUrlEndsWith(String suffix) throws Exception {
        try (StubServer server = new StubServer(PATH, OpenAiChatTranslatorTest::translate);
                Translator translator = translator(server.baseUrl() + suffix, null, 40, FAST)) {
            assertThat(translator.translate(List.of("Hello."), "en", "ml")).containsExactly("ml:Hello.");
        }
    }

    @Test
    void keepsBlankCuesAndSendsNothingForThem() throws Exception {
        try (StubServer server = new StubServer(PATH, OpenAiChatTranslatorTest::translate);
                Translator translator = translator(server.baseUrl(), null, 40, FAST)) {

            assertThat(translator.translate(List.of("Hi.", "", "Bye."), "en", "ml"))
                    .containsExactly("ml:Hi.", "", "ml:Bye.");
            assertThat(userMessage(server.requests().get(0)).path("cues").toString())
                    .isEqualTo("[{\"id\":1,\"text\":\"Hi.\"},{\"id\":2,\"text\":\"Bye.\"}]");

            assertThat(translator.translate(List.of(), "en", "ml")).isEmpty();
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void asksAgainWhenTheContentIsNotJson() throws Exception {
        try (StubServer server = new StubServer(
                        PATH,
                        request -> request.number() == 1
                                ? completion(request, "Sure! Here are your translations: {\"translations\": [")
                                : translate(request));
                Translator translator = translator(server.baseUrl(), null, 40, FAST)) {

            assertThat(translator.translate(List.of("Hello."), "en", "ml")).containsExactly("ml:Hello.");
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void waitsAsLongAsRetryAfterSaysOn429() throws Exception {
        try (StubServer server = new StubServer(
                        PATH,
                        request -> request.number() == 1
                                ? Reply.status(
                                                429,
                                                error(
                                                        "Rate limit reached for gpt-4o-mini",
                                                        "requests",
                                                        "rate_limit_exceeded"))
                                        .withHeader("Retry-After", "1")
                                : translate(request));
                Translator translator = translator(server.baseUrl(), null, 40, FAST)) {

            long start = System.nanoTime();
            assertThat(translator.translate(List.of("Hello."), "en", "ml")).containsExactly("ml:Hello.");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void asksAgainAfterServerErrors() throws Exception {
        try (StubServer server = new StubServer(
                        PATH,
                        request -> request.number() < 3
                                ? Reply.status(
                                        request.number() == 1 ? 500 : 503,
                                        error("The server is overloaded", "server_error", null))
                                : translate(request));
                Translator translator = translator(server.baseUrl(), null, 40, FAST)) {

            assertThat(translator.translate(List.of("Hello."), "en", "ml")).containsExactly("ml:Hello.");
            assertThat(server.requests()).hasSize(3);
        }
    }

    @Test
    void failsAfterTheConfiguredAttemptsWhenAnIdIsAlwaysMissing() throws Exception {
        try (StubServer server =
                        new StubServer(PATH, request -> translate(request, cues -> cues.subList(0, cues.size() - 1)));
                Translator translator = translator(server.baseUrl(), null, 40, FAST)) {

            assertThatThrownBy(() -> translator.translate(List.of("One.", "Two."), "en", "ml"))
                    .isInstanceOfSatisfying(
                            TranslationException.class,
                            e -> assertThat(e.code()).isEqualTo("translation_failed"))
                    .hasMessageContaining("failed after 3 attempts")
                    .hasMessageContaining("the answer lacks id 2");
            assertThat(server.requests()).hasSize(3);
        }
    }

    static Stream<Arguments> invalidContents() {
        return Stream.of(
                arguments(
                        "{\"translations\":[{\"id\":1,\"text\":\"a\"},{\"id\":1,\"text\":\"a\"},{\"id\":2,\"text\":\"b\"}]}",
                        "id 1 appears more than once"),
                arguments(
                        "{\"translations\":[{\"id\":1,\"text\":\"a\"},{\"id\":2,\"text\":\"b\"},{\"id\":3,\"text\":\"c\"}]}",
                        "id 3 is not a cue of this batch (ids 1 to 2)"),
                arguments(
                        "{\"translations\":[{\"id\":1,\"text\":\"a\"},{\"id\":\"2\",\"text\":\"b\"}]}",
                        "an entry without an integer id"),
                arguments(
                        "{\"translations\":[{\"id\":1,\"text\":\"a\"},{\"id\":2,\"text\":\"  \"}]}",
                        "no text for id 2"),
                arguments("{\"translations\":[{\"id\":1,\"text\":\"a\"},{\"id\":2,\"text\":7}]}", "no text for id 2"),
                arguments("{\"result\":[\"a\",\"b\"]}", "no \"translations\" array"),
                arguments("```json\n{\"translations\":[]}\n```", "not JSON"),
                arguments("{\"translations\":[]} {\"translations\":[]}", "not JSON"),
                arguments(null, "no choices[0].message.content"));
    }

    @ParameterizedTest
    @MethodSource("invalidContents")
    void refusesAnAnswerThatIsNotExactlyOneTextPerCue(String content, String problem) throws Exception {
        try (StubServer server = new StubServer(PATH, request -> completion(request, content));
                Translator translator = translator(
                        server.baseUrl(), null, 40, new HttpRetry(1, Duration.ZERO, Duration.ofSeconds(5)))) {

            assertThatThrownBy(() -> translator.translate(List.of("One.", "Two."), "en", "ml"))
                    .isInstanceOf(TranslationException.class)
                    .hasMessageContaining("failed after 1 attempt, the last: invalid answer: " + problem);
        }
    }

    @Test
    void saysWhenTheAnswerWasCutOffAtTheOutputLimit() throws Exception {
        try (StubServer server = new StubServer(
                        PATH, request -> completion(request, "{\"translations\":[{\"id\":1,\"te", "length"));
                Translator translator = translator(server.baseUrl(), null, 40, FAST)) {

            assertThatThrownBy(() -> translator.translate(List.of("One."), "en", "ml"))
                    .isInstanceOf(TranslationException.class)
                    .hasMessageContaining("failed after 3 attempts")
                    .hasMessageContaining("cut off at the model's output limit (finish_reason length)");
        }
    }

    @Test
    void failsAtOnceWhenTheKeyIsRefused() throws Exception {
        try (StubServer server = new StubServer(
                        PATH,
                        request -> Reply.status(
                                401,
                                error(
                                        "Incorrect API key provided: sk-wrong.",
                                        "invalid_request_error",
                                        "invalid_api_key")));
                Translator translator = translator(server.baseUrl(), "sk-wrong", 40, FAST)) {

            assertThatThrownBy(() -> translator.translate(List.of("Hello."), "en", "ml"))
                    .isInstanceOf(TranslationException.class)
                    .hasMessageContaining("refused on attempt 1 of 3, not retried: HTTP 401")
                    .hasMessageContaining("invalid_api_key");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void failsAfterTheConfiguredAttemptsWhenNothingListens() throws Exception {
        String closed;
        try (StubServer server = new StubServer(PATH, OpenAiChatTranslatorTest::translate)) {
            closed = server.baseUrl();
        }
        try (Translator translator = translator(closed, null, 40, FAST)) {
            assertThatThrownBy(() -> translator.translate(List.of("Hello."), "en", "ml"))
                    .isInstanceOf(TranslationException.class)
                    .hasMessageContaining("failed after 3 attempts, the last: no answer: ConnectException");
        }
    }

    private static Translator translator(String baseUrl, String apiKey, int batchSize, HttpRetry retry) {
        return new OpenAiChatTranslator(baseUrl, apiKey, "gpt-4o-mini", batchSize, retry);
    }

    /** A model that "translates" every cue it was asked for by prefixing {@code ml:}. */
    private static Reply translate(Request request) {
        return translate(request, Function.identity());
    }

    /** As {@link #translate(Request)}, answering only the cues that {@code answered} keeps. */
    private static Reply translate(Request request, Function<List<JsonNode>, List<JsonNode>> answered) {
        List<JsonNode> asked = new ArrayList<>();
        userMessage(request).path("cues").forEach(asked::add);
        List<JsonNode> cues = answered.apply(asked);
        ObjectNode content = RecordCodec.mapper().createObjectNode();
        var translations = content.putArray("translations");
        cues.forEach(cue -> translations
                .addObject()
                .put("id", cue.path("id").asInt())
                .put("text", "ml:" + cue.path("text").asText()));
        return completion(request, content.toString());
    }

    /** A chat.completion object as the service sends it, with {@code content} as the assistant's message. */
    private static Reply completion(Request request, String content) {
        return completion(request, content, "stop");
    }

    private static Reply completion(Request request, String content, String finishReason) {
        ObjectNode completion = RecordCodec.mapper()
                .createObjectNode()
                .put("id", "chatcmpl-stub" + request.number())
                .put("object", "chat.completion")
                .put("created", 1_767_225_600L)
                .put("model", request.json().path("model").asText());
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        choice.putObject("message")
                .put("role", "assistant")
                .put("content", content)
                .putNull("refusal");
        choice.putNull("logprobs").put("finish_reason", finishReason);
        completion
                .putObject("usage")
                .put("prompt_tokens", request.body().length() / 4)
                .put("completion_tokens", content == null ? 0 : content.length() / 4)
                .put("total_tokens", (request.body().length() + (content == null ? 0 : content.length())) / 4);
        return Reply.ok(completion.toString());
    }

    /** An error body as the service sends it with a 4xx or 5xx. */
    private static String error(String message, String type, String code) {
        ObjectNode error = RecordCodec.mapper().createObjectNode();
        error.putObject("error")
                .put("message", message)
                .put("type", type)
                .putNull("param")
                .put("code", code);
        return error.toString();
    }

    private static JsonNode userMessage(Request request) {
        return RecordCodec.readTree(
                request.json().path("messages").path(1).path("content").asText());
    }
}
