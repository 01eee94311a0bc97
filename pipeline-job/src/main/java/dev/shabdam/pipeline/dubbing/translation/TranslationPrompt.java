package dev.shabdam.pipeline.dubbing.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shabdam.schemas.RecordCodec;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * What a chat model is asked for one batch of a job, and the strict reading of its answer. A cue's id
 * is its 1-based place among the job's texts, so every id in an answer names exactly one cue.
 *
 * @param texts all texts of the job; the batch is {@code texts[from, to)}
 */
record TranslationPrompt(List<String> texts, int from, int to, String sourceLanguage, String targetLanguage) {

    /**
     * Lines of the job either side of the batch, sent as context only: a cue often finishes the
     * sentence that the previous one began, and must be translated as its continuation.
     */
    static final int CONTEXT_LINES = 3;

    String system() {
        return "You translate film subtitles from " + language(sourceLanguage) + " to " + language(targetLanguage)
                + ". The user sends a JSON object: \"cues\" lists the cues to translate, each with an id;"
                + " \"context_before\" and \"context_after\" are the lines around them, for context only:"
                + " do not translate them. Translate each cue naturally, as people speak, keeping its meaning,"
                + " tone and line breaks, short enough to be spoken in the cue's time. Answer with a JSON object"
                + " only: {\"translations\":[{\"id\":<cue id>,\"text\":\"<translation>\"}]},"
                + " one entry for every cue id.";
    }

    String user() {
        ObjectNode message = RecordCodec.mapper().createObjectNode();
        texts.subList(Math.max(0, from - CONTEXT_LINES), from).forEach(message.putArray("context_before")::add);
        var cues = message.putArray("cues");
        for (int i = from; i < to; i++) {
            cues.addObject().put("id", i + 1).put("text", texts.get(i));
        }
        texts.subList(to, Math.min(texts.size(), to + CONTEXT_LINES)).forEach(message.putArray("context_after")::add);
        return message.toString();
    }

    /** The translations in cue order, if {@code content} has exactly one non-blank text for every cue. */
    List<String> read(String content) throws InvalidAnswerException {
        JsonNode entries = HttpRetry.json(content).path("translations");
        if (!entries.isArray()) {
            throw new InvalidAnswerException("no \"translations\" array in " + HttpRetry.excerpt(content));
        }
        String[] byCue = new String[to - from];
        for (JsonNode entry : entries) {
            JsonNode id = entry.path("id");
            if (!id.isIntegralNumber()) {
                throw new InvalidAnswerException(
                        "an entry without an integer id: " + HttpRetry.excerpt(entry.toString()));
            }
            int slot = id.asInt() - 1 - from;
            if (slot < 0 || slot >= byCue.length) {
                throw new InvalidAnswerException(
                        "id " + id + " is not a cue of this batch (ids " + (from + 1) + " to " + to + ")");
            }
            if (byCue[slot] != null) {
                throw new InvalidAnswerException("id " + id + " appears more than once");
            }
            JsonNode text = entry.path("text");
            if (!text.isTextual() || text.asText().isBlank()) {
                throw new InvalidAnswerException("no text for id " + id);
            }
            byCue[slot] = text.asText();
        }
        List<String> missing = IntStream.range(0, byCue.length)
                .filter(i -> byCue[i] == null)
                .mapToObj(i -> String.valueOf(from + i + 1))
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidAnswerException(
                    "the answer lacks id" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing));
        }
        return List.of(byCue);
    }

    /** "Malayalam (ml)": a model follows a language's name more surely than its code. */
    private static String language(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name + " (" + code + ")";
    }
}
