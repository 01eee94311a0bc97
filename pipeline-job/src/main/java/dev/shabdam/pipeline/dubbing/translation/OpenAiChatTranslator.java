package dev.shabdam.pipeline.dubbing.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shabdam.schemas.RecordCodec;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.List;

/**
 * Translates through an OpenAI-compatible chat-completions service (OpenAI, or a self-hosted model behind
 * vLLM, llama.cpp or Ollama): one request per batch of cues, each with the cues around it as context,
 * the answer asked for and checked as JSON.
 */
public final class OpenAiChatTranslator extends BatchingTranslator {

    /** Enough cues for context, few enough that the answer stays well inside a model's output limit. */
    public static final int DEFAULT_BATCH_SIZE = 40;

    private final URI endpoint;
    private final String apiKey;
    private final String model;
    private final HttpRetry retry;
    private final HttpClient client = HttpClients.json();

    /**
     * @param baseUrl the service root, e.g. {@code https://api.openai.com} or {@code http://llm:8000/v1}
     * @param apiKey  sent as a bearer token; null or blank for a service that wants none
     */
    public OpenAiChatTranslator(String baseUrl, String apiKey, String model, int batchSize, HttpRetry retry) {
        super(batchSize);
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("no model");
        }
        this.endpoint = endpoint(baseUrl);
        this.apiKey = apiKey;
        this.model = model;
        this.retry = retry;
    }

    @Override
    public String engineId() {
        return "openai:" + model;
    }

    @Override
    protected List<String> translateBatch(
            List<String> texts, int from, int to, String sourceLanguage, String targetLanguage)
            throws TranslationException {
        TranslationPrompt prompt = new TranslationPrompt(texts, from, to, sourceLanguage, targetLanguage);
        ObjectNode body =
                RecordCodec.mapper().createObjectNode().put("model", model).put("temperature", 0);
        body.putObject("response_format").put("type", "json_object");
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", prompt.system());
        messages.addObject().put("role", "user").put("content", prompt.user());

        HttpRequest.Builder request = HttpClients.postJson(endpoint, body);
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return retry.send(client, request, answer -> prompt.read(content(answer)));
    }

    private static String content(JsonNode completion) throws InvalidAnswerException {
        JsonNode choice = completion.path("choices").path(0);
        if ("length".equals(choice.path("finish_reason").asText())) {
            throw new InvalidAnswerException("the answer was cut off at the model's output limit"
                    + " (finish_reason length); a smaller batch fits");
        }
        JsonNode content = choice.path("message").path("content");
        if (!content.isTextual()) {
            throw new InvalidAnswerException(
                    "no choices[0].message.content in " + HttpRetry.excerpt(completion.toString()));
        }
        return content.asText();
    }

    /** Accepts the root with or without {@code /v1}, with or without a trailing slash. */
    static URI endpoint(String baseUrl) {
        String root = HttpClients.root(baseUrl);
        return URI.create(root.endsWith("/v1") ? root + "/chat/completions" : root + "/v1/chat/completions");
    }
}
