package dev.shabdam.pipeline.dubbing.translation;

import dev.shabdam.pipeline.PipelineConfig;

import java.io.Serializable;
import java.util.Locale;

import static dev.shabdam.pipeline.PipelineSetting.TRANSLATE_BATCH;
import static dev.shabdam.pipeline.PipelineSetting.TRANSLATE_ENGINE;
import static dev.shabdam.pipeline.PipelineSetting.TRANSLATE_URL;

/**
 * Which engine translates cues where the user gave no translation ({@link PipelineConfig#translation}
 * reads it from the environment). Serializable because a Flink operator carries it and creates the
 * translator in {@code open()}. Its errors name the variables, since that is where a wrong value was set.
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

    public TranslatorSettings {
        if (!OPENAI.equals(engine) && !LIBRETRANSLATE.equals(engine)) {
            throw new IllegalArgumentException("unknown translation engine '" + engine + "': "
                    + TRANSLATE_ENGINE.variable() + " takes " + OPENAI + " or " + LIBRETRANSLATE);
        }
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(TRANSLATE_ENGINE.variable() + "=" + engine
                    + " needs the service's URL in " + TRANSLATE_URL.variable());
        }
        if (OPENAI.equals(engine) && (model == null || model.isBlank())) {
            throw new IllegalArgumentException(OPENAI + " needs a model");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException(TRANSLATE_BATCH.variable() + " must be at least 1: " + batchSize);
        }
    }

    /**
     * The settings of {@code engine} (in any case), with the engine's own defaults for what is not given
     * (null): {@value #DEFAULT_MODEL} for OpenAI, and each engine's batch size.
     */
    public static TranslatorSettings withDefaults(
            String engine, String url, String apiKey, String model, Integer batchSize) {
        String name = engine.toLowerCase(Locale.ROOT);
        boolean openAi = OPENAI.equals(name);
        return new TranslatorSettings(
                name,
                url,
                apiKey,
                openAi && model == null ? DEFAULT_MODEL : model,
                batchSize != null
                        ? batchSize
                        : openAi
                                ? OpenAiChatTranslator.DEFAULT_BATCH_SIZE
                                : LibreTranslateTranslator.DEFAULT_BATCH_SIZE);
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
}
