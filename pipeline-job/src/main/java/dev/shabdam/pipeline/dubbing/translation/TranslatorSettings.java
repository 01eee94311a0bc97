package dev.shabdam.pipeline.dubbing.translation;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which engine translates cues where the user gave no translation, from the environment. Serializable
 * because a Flink operator carries it and creates the translator in {@code open()}.
 *
 * @param engine    {@value #OPENAI} or {@value #LIBRETRANSLATE}
 * @param url       the service root
 * @param apiKey    null where the service wants none
 * @param model     the chat model; null for LibreTranslate, which has none to choose
 * @param batchSize cues per request
 */
public record TranslatorSettings(String engine, String url, String apiKey, String model, int batchSize)
        implements Serializable {

    public static final String OPENAI = "openai";
    public static final String LIBRETRANSLATE = "libretranslate";
    public static final String DEFAULT_MODEL = "gpt-4o-mini";

    static final String ENGINE = "SHABDAM_TRANSLATE_ENGINE";
    static final String URL = "SHABDAM_TRANSLATE_URL";
    static final String API_KEY = "SHABDAM_TRANSLATE_API_KEY";
    static final String MODEL = "SHABDAM_TRANSLATE_MODEL";
    static final String BATCH = "SHABDAM_TRANSLATE_BATCH";

    public TranslatorSettings {
        if (!OPENAI.equals(engine) && !LIBRETRANSLATE.equals(engine)) {
            throw new IllegalArgumentException("unknown translation engine '" + engine + "': "
                    + ENGINE + " takes " + OPENAI + " or " + LIBRETRANSLATE);
        }
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(ENGINE + "=" + engine + " needs the service's URL in " + URL);
        }
        if (OPENAI.equals(engine) && (model == null || model.isBlank())) {
            throw new IllegalArgumentException(OPENAI + " needs a model");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException(BATCH + " must be at least 1: " + batchSize);
        }
    }

    /** Empty where {@code SHABDAM_TRANSLATE_ENGINE} is not set: the job then translates nothing. */
    public static Optional<TranslatorSettings> fromEnvironment(Map<String, String> env) {
        String engine = value(env, ENGINE);
        if (engine == null) {
            return Optional.empty();
        }
        engine = engine.toLowerCase(Locale.ROOT);
        boolean openAi = OPENAI.equals(engine);
        String model = value(env, MODEL);
        return Optional.of(new TranslatorSettings(
                engine,
                value(env, URL),
                value(env, API_KEY),
                openAi && model == null ? DEFAULT_MODEL : model,
                batchSize(value(env, BATCH),
                        openAi ? OpenAiChatTranslator.DEFAULT_BATCH_SIZE : LibreTranslateTranslator.DEFAULT_BATCH_SIZE)));
    }

    public Translator create() {
        return switch (engine) {
            case OPENAI -> new OpenAiChatTranslator(url, apiKey, model, batchSize, HttpRetry.DEFAULT);
            case LIBRETRANSLATE -> new LibreTranslateTranslator(url, apiKey, batchSize, HttpRetry.DEFAULT);
            default -> throw new IllegalStateException("unknown engine " + engine);
        };
    }

    /** Keeps the API key out of logs and error messages that print the settings. */
    @Override
    public String toString() {
        return "TranslatorSettings[engine=" + engine + ", url=" + url + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", model=" + model + ", batchSize=" + batchSize + "]";
    }

    /** A variable set to blanks counts as unset, as compose files write {@code NAME=} for "none". */
    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int batchSize(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(BATCH + " is not a whole number: " + value);
        }
    }
}
