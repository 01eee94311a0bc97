package dev.shabdam.pipeline.dubbing.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shabdam.schemas.RecordCodec;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates through a LibreTranslate server: {@code POST /translate} with the batch's texts as an
 * array {@code q}, answered by an array {@code translatedText} of the same length. It translates each
 * text on its own, so it gets no context.
 */
public final class LibreTranslateTranslator extends BatchingTranslator {

    public static final int DEFAULT_BATCH_SIZE = 50;

    private final URI endpoint;
    private final String apiKey;
    private final HttpRetry retry;
    private final HttpClient client = HttpClients.json();

    /**
     * @param baseUrl the server root, e.g. {@code http://libretranslate:5000}
     * @param apiKey  for a server that requires keys; null or blank for one that does not
     */
    public LibreTranslateTranslator(String baseUrl, String apiKey, int batchSize, HttpRetry retry) {
        super(batchSize);
        this.endpoint = URI.create(HttpClients.root(baseUrl) + "/translate");
        this.apiKey = apiKey;
        this.retry = retry;
    }

    @Override
    public String engineId() {
        return "libretranslate";
    }

    @Override
    protected List<String> translateBatch(
            List<String> texts, int from, int to, String sourceLanguage, String targetLanguage)
            throws TranslationException {
        List<String> batch = texts.subList(from, to);
        ObjectNode body = RecordCodec.mapper().createObjectNode();
        batch.forEach(body.putArray("q")::add);
        body.put("source", sourceLanguage).put("target", targetLanguage).put("format", "text");
        if (apiKey != null && !apiKey.isBlank()) {
            body.put("api_key", apiKey);
        }
        return retry.send(client, HttpClients.postJson(endpoint, body), answer -> read(answer, batch.size()));
    }

    private static List<String> read(JsonNode answer, int expected) throws InvalidAnswerException {
        JsonNode translated = answer.path("translatedText");
        if (!translated.isArray()) {
            throw new InvalidAnswerException("no translatedText array in " + HttpRetry.excerpt(answer.toString()));
        }
        if (translated.size() != expected) {
            throw new InvalidAnswerException(translated.size() + " translations for " + expected + " texts");
        }
        List<String> texts = new ArrayList<>(expected);
        for (JsonNode text : translated) {
            if (!text.isTextual() || text.asText().isBlank()) {
                throw new InvalidAnswerException("translation " + (texts.size() + 1)
                        + " of the batch is not a non-blank string: " + HttpRetry.excerpt(text.toString()));
            }
            texts.add(text.asText());
        }
        return texts;
    }
}
