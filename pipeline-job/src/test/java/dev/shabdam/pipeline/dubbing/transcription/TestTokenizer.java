package dev.shabdam.pipeline.dubbing.transcription;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A tiny Whisper vocabulary in Hugging Face's tokenizer.json layout, with Whisper's special tokens in
 * Whisper's order; the token strings are byte-level BPE as the {@code tokenizers} library writes them.
 */
final class TestTokenizer {
    static final int HELLO = 0;
    static final int WORLD = 1;
    static final int AGAIN = 2;
    static final int LA = 3;
    /** " നമസ്കാരം" in three tokens, the first two split inside a letter's UTF-8 bytes. */
    static final int NAMASKARAM_1 = 4;

    static final int NAMASKARAM_2 = 5;
    static final int NAMASKARAM_3 = 6;
    /** U+00AD, a newline, a space and "é": bytes that byte-level BPE moves to other characters. */
    static final int ODD_BYTES = 7;

    static final int END_OF_TEXT = 8;
    static final int START_OF_TRANSCRIPT = 9;
    static final int EN = 10;
    static final int ML = 11;
    static final int TRANSLATE = 12;
    static final int TRANSCRIBE = 13;
    static final int NO_SPEECH = 14;
    static final int NO_TIMESTAMPS = 15;
    /** Not listed, as in older exports: the timestamps follow <|notimestamps|>. */
    static final int TIMESTAMP_BEGIN = 16;
    /** <|0.00|> … <|3.00|>. */
    static final int VOCAB = TIMESTAMP_BEGIN + 151;

    private static final List<String> TEXT =
            List.of("ĠHello", "Ġworld", "Ġagain", "Ġla", "Ġà´¨à", "´®à´¸àµį", "à´ķà´¾à´°à´Ĥ", "ÂŃĊĠÃ©");
    private static final List<String> SPECIAL = List.of(
            "<|endoftext|>",
            "<|startoftranscript|>",
            "<|en|>",
            "<|ml|>",
            "<|translate|>",
            "<|transcribe|>",
            "<|nospeech|>",
            "<|notimestamps|>");

    private TestTokenizer() {}

    /** The id of the timestamp token for {@code seconds}. */
    static int timestamp(double seconds) {
        return TIMESTAMP_BEGIN + (int) Math.round(seconds * 50);
    }

    /** Writes the vocabulary; with {@code listTimestamps}, <|0.00|> … as added tokens from id {@code firstTimestampId}. */
    static Path write(Path file, boolean listTimestamps, int firstTimestampId) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ObjectNode vocab = root.putObject("model").put("type", "BPE").putObject("vocab");
        for (int id = 0; id < TEXT.size(); id++) {
            vocab.put(TEXT.get(id), id);
        }
        ArrayNode added = root.putArray("added_tokens");
        for (int i = 0; i < SPECIAL.size(); i++) {
            added.addObject()
                    .put("id", END_OF_TEXT + i)
                    .put("content", SPECIAL.get(i))
                    .put("special", true);
        }
        if (listTimestamps) {
            for (int i = 0; i <= 150; i++) {
                added.addObject()
                        .put("id", firstTimestampId + i)
                        .put("content", String.format(java.util.Locale.ROOT, "<|%.2f|>", i * 0.02))
                        .put("special", false);
            }
        }
        Files.createDirectories(file.getParent());
        json.writeValue(file.toFile(), root);
        return file;
    }

    static Path write(Path file) throws IOException {
        return write(file, false, 0);
    }
}
