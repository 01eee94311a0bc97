package dev.shabdam.pipeline.dubbing.transcription;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.shabdam.pipeline.models.OnnxSessions;
import dev.shabdam.speech.SynthesisException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Speech recognition with Whisper (manifest entry {@value #ID}) on ONNX Runtime, for dubbing a video that
 * came without subtitles: one speech span of at most 30 s of 16 kHz mono audio in, its text out in
 * timestamped pieces. Greedy decoding with the decoder's KV cache and Whisper's timestamp rules, as
 * OpenAI's {@code transcribe} does at temperature 0, without its fallbacks (beam search, temperature
 * retries, the 30 s window sliding over longer audio). The sessions are thread-safe, and so is this;
 * {@link #close()} it with its owner.
 */
public final class WhisperTranscriber implements AutoCloseable {
    public static final String ID = "whisper-base";
    /** Relative to the models dir, as in models/manifest.json. */
    public static final String ENCODER_FILE = "whisper-base/encoder_model.onnx";

    public static final String DECODER_FILE = "whisper-base/decoder_model_merged.onnx";
    public static final String TOKENIZER_FILE = "whisper-base/tokenizer.json";
    /** Whisper's own limit: half its 448-token context, the other half being for a prompt. */
    static final int MAX_SAMPLED_TOKENS = 224;

    static final int MS_PER_TIMESTAMP = 20;
    public static final String AUTO = "auto";

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession encoder;
    private final MergedDecoder decoder;
    private final WhisperTokenizer tokenizer;
    private final TimestampRules rules;

    private WhisperTranscriber(OrtSession encoder, MergedDecoder decoder, WhisperTokenizer tokenizer) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.tokenizer = tokenizer;
        this.rules = new TimestampRules(tokenizer);
    }

    /**
     * Loads the encoder, the merged decoder and the tokenizer from under {@code modelsDir} (on CUDA when it
     * loads, else the CPU); {@code model_missing} naming the first file that is not there.
     */
    public static WhisperTranscriber load(Path modelsDir) {
        Path encoderFile = require(modelsDir.resolve(ENCODER_FILE));
        Path decoderFile = require(modelsDir.resolve(DECODER_FILE));
        Path tokenizerFile = require(modelsDir.resolve(TOKENIZER_FILE));
        WhisperTokenizer tokenizer;
        try {
            tokenizer = WhisperTokenizer.load(tokenizerFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OrtSession encoder = null;
        OrtSession decoder = null;
        try {
            encoder = OnnxSessions.open(encoderFile, true);
            decoder = OnnxSessions.open(decoderFile, true);
            return new WhisperTranscriber(encoder, new MergedDecoder(decoder), tokenizer);
        } catch (OrtException | RuntimeException e) {
            closeQuietly(encoder);
            closeQuietly(decoder);
            throw new SynthesisException(
                    SynthesisException.Code.ENGINE_FAILED, "Whisper does not load: " + e.getMessage(), e);
        }
    }

    private static Path require(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SynthesisException(
                    SynthesisException.Code.MODEL_MISSING,
                    "Speech recognition '" + ID
                            + "' is not installed: " + file.toAbsolutePath() + " is missing. Download the files of '"
                            + ID
                            + "' from the URLs in models/manifest.json into the models folder (no model hub is reachable "
                            + "from every machine, so models/fetch only reports them), or upload subtitles.");
        }
        return file;
    }

    private static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException ignored) {
                // already failing: the load error is the one to report
            }
        }
    }

    /**
     * The speech in {@code pcm16k} (16 kHz mono, at most 30 s; the rest is ignored) as timestamped text.
     * {@code language} is a Whisper language code ({@code en}, {@code ml}, …) or {@value #AUTO} to let the
     * model say which language it hears. Empty when the model writes no text (e.g. for silence).
     */
    public List<TimedText> transcribe(float[] pcm16k, String language) {
        long durationMs =
                Math.min(pcm16k.length, WhisperFeatures.WINDOW_SAMPLES) * 1000L / WhisperFeatures.SAMPLE_RATE_HZ;
        long[] features = {1, WhisperFeatures.MEL_BANDS, WhisperFeatures.FRAMES};
        try (OnnxTensor input =
                        OnnxTensor.createTensor(env, FloatBuffer.wrap(WhisperFeatures.logMel(pcm16k)), features);
                OrtSession.Result encoded = encoder.run(Map.of("input_features", input));
                MergedDecoder.Pass pass = decoder.start(
                        (OnnxTensor) encoded.get("last_hidden_state").orElseThrow())) {
            return segments(decode(pass, language), durationMs);
        } catch (OrtException e) {
            throw new SynthesisException(
                    SynthesisException.Code.ENGINE_FAILED, "Whisper inference failed: " + e.getMessage(), e);
        }
    }

    /** Greedy decoding after the prompt {@code <|startoftranscript|><|lang|><|transcribe|>}: the tokens chosen, without <|endoftext|>. */
    private List<Integer> decode(MergedDecoder.Pass pass, String language) throws OrtException {
        long sot = tokenizer.startOfTranscript();
        long transcribe = tokenizer.transcribe();
        float[] logits;
        if (AUTO.equals(language)) {
            // Whisper's language detection: the language token it would write after <|startoftranscript|>
            long detected = mostLikelyLanguage(pass.next(new long[] {sot}));
            logits = pass.next(new long[] {detected, transcribe});
        } else {
            int languageToken = tokenizer
                    .language(language)
                    .orElseThrow(() -> new IllegalArgumentException("Whisper knows no language '" + language + "'"));
            logits = pass.next(new long[] {sot, languageToken, transcribe});
        }
        List<Integer> sampled = new ArrayList<>();
        while (true) {
            rules.apply(logits, sampled);
            int token = argmax(logits);
            if (token == tokenizer.endOfText()) {
                return sampled;
            }
            sampled.add(token);
            if (sampled.size() == MAX_SAMPLED_TOKENS) {
                return sampled;
            }
            logits = pass.next(new long[] {token});
        }
    }

    private int mostLikelyLanguage(float[] logits) {
        int best = -1;
        for (int token : tokenizer.languages().values()) {
            if (best < 0 || logits[token] > logits[best]) {
                best = token;
            }
        }
        return best;
    }

    private static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The text between timestamps: a timestamp after text closes its piece, and the last timestamp before
     * text opens one. Text still open at the end (the 224-token limit, or <|endoftext|> before a closing
     * timestamp) runs to the end of the audio.
     */
    private List<TimedText> segments(List<Integer> sampled, long durationMs) {
        List<TimedText> pieces = new ArrayList<>();
        List<Integer> text = new ArrayList<>();
        long startMs = 0;
        for (int token : sampled) {
            if (!tokenizer.isTimestamp(token)) {
                text.add(token);
                continue;
            }
            long ms = (long) (token - tokenizer.timestampBegin()) * MS_PER_TIMESTAMP;
            addPiece(pieces, startMs, ms, text);
            text.clear();
            startMs = ms;
        }
        addPiece(pieces, startMs, Math.max(startMs, durationMs), text);
        return pieces;
    }

    private void addPiece(List<TimedText> pieces, long startMs, long endMs, List<Integer> text) {
        String decoded = tokenizer.decode(text).strip();
        if (!decoded.isEmpty()) {
            pieces.add(new TimedText(startMs, endMs, decoded));
        }
    }

    @Override
    public void close() throws OrtException {
        try {
            encoder.close();
        } finally {
            decoder.close();
        }
    }
}
