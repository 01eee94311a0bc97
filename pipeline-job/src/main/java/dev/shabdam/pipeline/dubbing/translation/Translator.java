package dev.shabdam.pipeline.dubbing.translation;

import java.util.List;

/**
 * A machine-translation engine for subtitle cues. The caller passes all cues of a job in one call, so
 * that the engine sees the whole film's context; the engine cuts them into requests itself.
 */
public interface Translator extends AutoCloseable {

    /**
     * Translates every text, e.g. from {@code en} to {@code ml}.
     *
     * @return one translation per text, in the same order
     * @throws TranslationException where the service kept failing, answered wrongly or refused the request
     */
    List<String> translate(List<String> texts, String sourceLanguage, String targetLanguage)
            throws TranslationException;

    /** Names the engine in reports, e.g. {@code openai:gpt-4o-mini} or {@code libretranslate}. */
    String engineId();

    @Override
    default void close() {}
}
