package dev.shabdam.pipeline.dubbing.transcription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Whisper's vocabulary, read from a Hugging Face {@code tokenizer.json}: the special tokens the decoder is
 * prompted and stopped with, the language tokens, where the timestamp tokens begin, and the decoding of
 * text token ids back to a string. Only decoding is needed: the prompt is made of special tokens alone.
 */
public final class WhisperTokenizer {
    /**
     * Whisper's language tokens are the special tokens named by a language code, e.g. {@code <|ml|>}: two
     * or three lower-case letters ({@code haw}, {@code yue}); no other special token looks like that.
     */
    private static final Pattern LANGUAGE_TOKEN = Pattern.compile("<\\|([a-z]{2,3})\\|>");

    private static final char[] BYTE_TO_CHAR = byteLevelAlphabet();
    private static final Map<Character, Byte> CHAR_TO_BYTE = new HashMap<>();

    static {
        for (int b = 0; b < 256; b++) {
            CHAR_TO_BYTE.put(BYTE_TO_CHAR[b], (byte) b);
        }
    }

    private final Map<Integer, String> tokens;
    private final Map<String, Integer> languages;
    private final int startOfTranscript;
    private final int transcribe;
    private final int endOfText;
    private final int timestampBegin;

    private WhisperTokenizer(Map<Integer, String> tokens, Map<String, Integer> ids, Map<String, Integer> languages) {
        this.tokens = tokens;
        if (languages.isEmpty()) {
            throw new IllegalArgumentException(
                    "tokenizer.json has no language tokens: not a multilingual Whisper tokenizer");
        }
        this.languages = languages;
        this.startOfTranscript = special(ids, "<|startoftranscript|>");
        this.transcribe = special(ids, "<|transcribe|>");
        this.endOfText = special(ids, "<|endoftext|>");
        // Newer exports list <|0.00|> … <|30.00|> as added tokens; older ones leave them out, and then they
        // follow <|notimestamps|>, the last special token, as in OpenAI's own tokenizer.
        Integer firstTimestamp = ids.get("<|0.00|>");
        this.timestampBegin = firstTimestamp != null ? firstTimestamp : special(ids, "<|notimestamps|>") + 1;
    }

    public static WhisperTokenizer load(Path tokenizerJson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(tokenizerJson.toFile());
        Map<String, Integer> ids = new HashMap<>();
        root.path("model")
                .path("vocab")
                .properties()
                .forEach(e -> ids.put(e.getKey(), e.getValue().asInt()));
        Map<String, Integer> languages = new HashMap<>();
        for (JsonNode added : root.path("added_tokens")) {
            String content = added.path("content").asText();
            int id = added.path("id").asInt();
            ids.put(content, id);
            var language = LANGUAGE_TOKEN.matcher(content);
            if (language.matches()) {
                languages.put(language.group(1), id);
            }
        }
        Map<Integer, String> tokens = new HashMap<>();
        ids.forEach((token, id) -> tokens.put(id, token));
        return new WhisperTokenizer(tokens, ids, Map.copyOf(languages));
    }

    private static int special(Map<String, Integer> ids, String token) {
        Integer id = ids.get(token);
        if (id == null) {
            throw new IllegalArgumentException("tokenizer.json has no " + token + ": not a Whisper tokenizer");
        }
        return id;
    }

    public int startOfTranscript() {
        return startOfTranscript;
    }

    public int transcribe() {
        return transcribe;
    }

    public int endOfText() {
        return endOfText;
    }

    /** The id of {@code <|0.00|>}; id {@code timestampBegin + i} is the time i × 20 ms. */
    public int timestampBegin() {
        return timestampBegin;
    }

    public boolean isTimestamp(int id) {
        return id >= timestampBegin;
    }

    /** The id of {@code <|code|>}, e.g. {@code ml}; empty when Whisper does not know the language. */
    public OptionalInt language(String code) {
        Integer id = languages.get(code);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** Every language token, by code. */
    public Map<String, Integer> languages() {
        return languages;
    }

    /**
     * The text of {@code ids}: each token's string mapped back through GPT-2's byte-level alphabet, the
     * bytes joined, then read as UTF-8 (a Malayalam letter's three bytes are often split between tokens).
     */
    public String decode(List<Integer> ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int id : ids) {
            String token = tokens.get(id);
            if (token == null) {
                throw new IllegalArgumentException("token id " + id + " is not in the vocabulary");
            }
            for (int i = 0; i < token.length(); i++) {
                Byte b = CHAR_TO_BYTE.get(token.charAt(i));
                if (b == null) {
                    throw new IllegalArgumentException("token " + token + " (id " + id + ") is not byte-level BPE");
                }
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * GPT-2's {@code bytes_to_unicode}: printable Latin-1 bytes stand for themselves; the other 68 bytes
     * (controls, space, soft hyphen…) take the characters from U+0100 on, in byte order, so that every
     * token is printable text (a leading space shows as {@code Ġ}).
     */
    private static char[] byteLevelAlphabet() {
        char[] alphabet = new char[256];
        char next = 256;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            alphabet[b] = printable ? (char) b : next++;
        }
        return alphabet;
    }
}
