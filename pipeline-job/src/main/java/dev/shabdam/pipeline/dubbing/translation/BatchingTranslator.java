package dev.shabdam.pipeline.dubbing.translation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Cuts a job's texts into batches, one request each, and puts the translations back in order. Blank
 * texts (a cue that was only formatting tags) stay as they are and are never sent: there is nothing to
 * translate, and a model asked to would invent something.
 */
abstract class BatchingTranslator implements Translator {
    private final int batchSize;

    BatchingTranslator(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1: " + batchSize);
        }
        this.batchSize = batchSize;
    }

    @Override
    public final List<String> translate(List<String> texts, String sourceLanguage, String targetLanguage)
            throws TranslationException {
        requireLanguage(sourceLanguage, "source");
        requireLanguage(targetLanguage, "target");
        List<String> all = List.copyOf(texts);
        List<String> wanted = all.stream().filter(text -> !text.isBlank()).toList();
        List<String> translated = new ArrayList<>(wanted.size());
        for (int from = 0; from < wanted.size(); from += batchSize) {
            translated.addAll(translateBatch(
                    wanted, from, Math.min(from + batchSize, wanted.size()), sourceLanguage, targetLanguage));
        }
        Iterator<String> next = translated.iterator();
        return all.stream().map(text -> text.isBlank() ? text : next.next()).toList();
    }

    /**
     * Translates {@code texts[from, to)}; the texts around that range are there for engines that use
     * context.
     *
     * @return exactly {@code to - from} translations, in order
     */
    protected abstract List<String> translateBatch(
            List<String> texts, int from, int to, String sourceLanguage, String targetLanguage)
            throws TranslationException;

    private static void requireLanguage(String code, String which) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("no " + which + " language");
        }
    }
}
