package dev.shabdam.pipeline.dubbing.transcription;

import dev.shabdam.pipeline.models.OnnxGraphBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static dev.shabdam.pipeline.models.OnnxGraphBuilder.BOOL;
import static dev.shabdam.pipeline.models.OnnxGraphBuilder.FLOAT;
import static dev.shabdam.pipeline.models.OnnxGraphBuilder.INT64;

/**
 * A stand-in Whisper with the real one's input and output names and ranks (2 layers, 2 heads of 4) whose
 * logits follow a script the test writes: the logits at position p are row p of a table. Which table is
 * read depends on the cache the transcriber feeds back, so that a script only comes out right when the
 * cache is right:
 * <ul>
 *   <li>the position is the length of {@code past_key_values.0.decoder.key} plus the token's place in
 *       {@code input_ids}: it only advances if each step's present is fed back as the next step's past;</li>
 *   <li>the {@link TestTokenizer#ML} token writes ones into the self-attention values (every other token
 *       zeros): once it is anywhere in {@code past_key_values.1.decoder.value} or the input, the
 *       {@linkplain #install ml script} is read instead of the en one;</li>
 *   <li>a cache that contradicts {@code use_cache_branch} (a past without the flag, the flag without a
 *       past, or without the encoder's 1500 cached frames: the cache branch's encoder presents are empty
 *       placeholders, so feeding those back contradicts it too) reads a table that ends at once.</li>
 * </ul>
 */
final class ScriptedWhisper {
    static final int LAYERS = 2;
    static final long HEADS = 2;
    static final long HEAD_DIM = 4;
    static final long ENCODER_FRAMES = 1500;
    private static final List<String> CACHES = List.of("decoder.key", "decoder.value", "encoder.key", "encoder.value");

    private ScriptedWhisper() {}

    /** What the model says at each position: a row of logits, 0 for every token not favoured. */
    static final class Script {
        /** A row that ends the transcript. */
        static final float[] END = new float[TestTokenizer.VOCAB];

        static {
            END[TestTokenizer.END_OF_TEXT] = 1;
        }

        final float[][] rows;

        /** {@code positions} rows that all end the transcript. */
        Script(int positions) {
            rows = new float[positions][];
            for (int p = 0; p < positions; p++) {
                rows[p] = END.clone();
            }
        }

        Script favour(int position, int token, float logit) {
            rows[position][token] = logit;
            return this;
        }

        /** From {@code position} on, one token a position, each by a clear margin. */
        Script saying(int position, int... tokens) {
            for (int i = 0; i < tokens.length; i++) {
                favour(position + i, tokens[i], 20);
            }
            return this;
        }
    }

    /** Writes the three files where {@link WhisperTranscriber#load} looks for them under {@code modelsDir}. */
    static void install(Path modelsDir, Script en, Script ml) throws IOException {
        write(modelsDir.resolve(WhisperTranscriber.ENCODER_FILE), encoder());
        write(modelsDir.resolve(WhisperTranscriber.DECODER_FILE), decoder(en, ml));
        TestTokenizer.write(modelsDir.resolve(WhisperTranscriber.TOKENIZER_FILE));
    }

    private static void write(Path file, byte[] model) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, model);
    }

    /** input_features [1, 80, 3000] → last_hidden_state [1, 1500, 8]: two frames a row, times a fixed matrix. */
    private static byte[] encoder() {
        long width = HEADS * HEAD_DIM;
        float[] projection = new float[(int) (160 * width)];
        Arrays.fill(projection, 0.01f);
        return new OnnxGraphBuilder()
                .int64Constant("rows", 1, ENCODER_FRAMES, 160)
                .floatTensor("projection", new long[] {160, width}, projection)
                .node("Reshape", List.of("input_features", "rows"), List.of("paired"))
                .node("MatMul", List.of("paired", "projection"), List.of("last_hidden_state"))
                .input("input_features", FLOAT, "batch", 80L, 3000L)
                .output("last_hidden_state", FLOAT, "batch", ENCODER_FRAMES, width)
                .build();
    }

    private static byte[] decoder(Script en, Script ml) {
        int positions = Math.max(en.rows.length, ml.rows.length);
        // tables: en, ml, then twice one that ends at once, for a contradictory cache (with and without <|ml|>);
        // past its last row a script ends too
        Script ends = new Script(0);
        float[] table = new float[4 * positions * TestTokenizer.VOCAB];
        int at = 0;
        for (Script script : List.of(en, ml, ends, ends)) {
            for (int p = 0; p < positions; p++) {
                float[] row = p < script.rows.length ? script.rows[p] : Script.END;
                System.arraycopy(row, 0, table, at, row.length);
                at += row.length;
            }
        }
        float[] values = new float[(int) (TestTokenizer.VOCAB * HEADS * HEAD_DIM)];
        Arrays.fill(
                values,
                (int) (TestTokenizer.ML * HEADS * HEAD_DIM),
                (int) ((TestTokenizer.ML + 1) * HEADS * HEAD_DIM),
                1f);
        long[] toHeadsFirst = {0, 2, 1, 3};
        OnnxGraphBuilder graph = new OnnxGraphBuilder()
                .floatTensor("script", new long[] {4L * positions, TestTokenizer.VOCAB}, table)
                .floatTensor(
                        "key_embedding", new long[] {TestTokenizer.VOCAB, HEADS, HEAD_DIM}, new float[values.length])
                .floatTensor("value_embedding", new long[] {TestTokenizer.VOCAB, HEADS, HEAD_DIM}, values)
                .int64Constant("cross_shape", 1, -1, HEADS, HEAD_DIM)
                .int64Scalar("length_axis", 2)
                .int64Scalar("ids_axis", 1)
                .int64Scalar("zero", 0)
                .int64Scalar("one", 1)
                .int64Scalar("two", 2)
                .int64Scalar("positions", positions)
                .int64Scalar("encoder_frames", ENCODER_FRAMES)
                .int64Constant("batch_axis", 0)
                .int64Constant("zero_1d", 0)
                .int64Constant("length_axis_1d", 2)
                .floatConstant("one_f", 1f)
                // this step's self-attention entries, [1, heads, ids, headDim]
                .node("Gather", List.of("key_embedding", "input_ids"), List.of("key_ids_first"))
                .node("Transpose", List.of("key_ids_first"), List.of("new_key"), "perm", toHeadsFirst)
                .node("Gather", List.of("value_embedding", "input_ids"), List.of("value_ids_first"))
                .node("Transpose", List.of("value_ids_first"), List.of("new_value"), "perm", toHeadsFirst)
                // the cross-attention entries from the encoder, [1, heads, 1500, headDim]; in the cache branch only
                // placeholders (here empty), as in Optimum's merged export: the first call's are to be kept
                .node("Reshape", List.of("encoder_hidden_states", "cross_shape"), List.of("cross_frames_first"))
                .node("Transpose", List.of("cross_frames_first"), List.of("cross_all"), "perm", toHeadsFirst)
                .node("Cast", List.of("use_cache_branch"), List.of("flag"), "to", (long) INT64)
                .node("Sub", List.of("one", "flag"), List.of("no_cache"))
                .node("Mul", List.of("no_cache", "encoder_frames"), List.of("cross_end"))
                .node("Slice", List.of("cross_all", "zero_1d", "cross_end", "length_axis_1d"), List.of("cross"));
        for (int layer = 0; layer < LAYERS; layer++) {
            String past = "past_key_values." + layer + ".";
            String present = "present." + layer + ".";
            graph.node("Concat", List.of(past + "decoder.key", "new_key"), List.of(present + "decoder.key"), "axis", 2L)
                    .node(
                            "Concat",
                            List.of(past + "decoder.value", "new_value"),
                            List.of(present + "decoder.value"),
                            "axis",
                            2L)
                    .node("Identity", List.of("cross"), List.of(present + "encoder.key"))
                    .node("Identity", List.of("cross"), List.of(present + "encoder.value"));
            for (String cache : CACHES) {
                Object length = cache.startsWith("decoder") ? "past_decoder_sequence" : "encoder_sequence";
                Object total = cache.startsWith("decoder") ? "total_decoder_sequence" : "encoder_sequence";
                graph.input(past + cache, FLOAT, "batch", HEADS, length, HEAD_DIM)
                        .output(present + cache, FLOAT, "batch", HEADS, total, HEAD_DIM);
            }
        }
        return graph
                // the positions of input_ids: past length … past length + ids − 1
                .node("Shape", List.of("past_key_values.0.decoder.key"), List.of("past_shape"))
                .node("Gather", List.of("past_shape", "length_axis"), List.of("past_length"))
                .node("Shape", List.of("input_ids"), List.of("ids_shape"))
                .node("Gather", List.of("ids_shape", "ids_axis"), List.of("ids_length"))
                .node("Add", List.of("past_length", "ids_length"), List.of("total_length"))
                .node("Range", List.of("past_length", "total_length", "one"), List.of("position"))
                // 1 when <|ml|> is in the cache (read back from the last layer's values) or the input
                .node(
                        "ReduceSum",
                        List.of("present." + (LAYERS - 1) + ".decoder.value"),
                        List.of("ml_sum"),
                        "keepdims",
                        0L)
                .node("Min", List.of("ml_sum", "one_f"), List.of("ml_seen_f"))
                .node("Cast", List.of("ml_seen_f"), List.of("ml_seen"), "to", (long) INT64)
                // 1 when the cache contradicts use_cache_branch: |flag − has past| + |flag × 1500 − encoder past|
                .node("Greater", List.of("past_length", "zero"), List.of("has_past_b"))
                .node("Cast", List.of("has_past_b"), List.of("has_past"), "to", (long) INT64)
                .node("Sub", List.of("flag", "has_past"), List.of("flag_vs_past"))
                .node("Abs", List.of("flag_vs_past"), List.of("flag_vs_past_abs"))
                .node("Shape", List.of("past_key_values.0.encoder.key"), List.of("cross_past_shape"))
                .node("Gather", List.of("cross_past_shape", "length_axis"), List.of("cross_past_length"))
                .node("Mul", List.of("flag", "encoder_frames"), List.of("cross_expected"))
                .node("Sub", List.of("cross_past_length", "cross_expected"), List.of("cross_vs_flag"))
                .node("Abs", List.of("cross_vs_flag"), List.of("cross_vs_flag_abs"))
                .node("Add", List.of("flag_vs_past_abs", "cross_vs_flag_abs"), List.of("contradictions"))
                .node("Min", List.of("contradictions", "one"), List.of("contradicted"))
                // row = position + positions × (ml seen + 2 × contradicted)
                .node("Mul", List.of("contradicted", "two"), List.of("contradicted_2"))
                .node("Add", List.of("ml_seen", "contradicted_2"), List.of("table"))
                .node("Mul", List.of("table", "positions"), List.of("table_start"))
                .node("Add", List.of("position", "table_start"), List.of("row"))
                .node("Gather", List.of("script", "row"), List.of("row_logits"))
                .node("Unsqueeze", List.of("row_logits", "batch_axis"), List.of("logits"))
                .input("input_ids", INT64, "batch", "decoder_sequence")
                .input("encoder_hidden_states", FLOAT, "batch", ENCODER_FRAMES, HEADS * HEAD_DIM)
                .input("use_cache_branch", BOOL, 1L)
                .output("logits", FLOAT, "batch", "decoder_sequence", (long) TestTokenizer.VOCAB)
                .build();
    }
}
