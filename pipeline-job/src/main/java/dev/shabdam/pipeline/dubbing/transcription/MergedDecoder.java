package dev.shabdam.pipeline.dubbing.transcription;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxTensorLike;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whisper's decoder as Optimum exports it for ONNX Runtime: one "merged" graph whose
 * {@code use_cache_branch} input picks between a first call that computes every key and value from
 * scratch and later calls that take them from {@code past_key_values.*}. The cache's geometry (layers,
 * heads, head size) is read from the session's inputs, so any Whisper size loads.
 */
final class MergedDecoder implements AutoCloseable {
    private static final Pattern DECODER_KEY = Pattern.compile("past_key_values\\.(\\d+)\\.decoder\\.key");
    /** Per layer: the decoder's self-attention cache, which grows a step at a time, and the fixed cross-attention one. */
    private static final List<String> CACHES = List.of("decoder.key", "decoder.value", "encoder.key", "encoder.value");

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final int layers;
    private final long heads;
    private final long headDim;

    MergedDecoder(OrtSession session) throws OrtException {
        this.session = session;
        int maxLayer = -1;
        long[] shape = null;
        for (Map.Entry<String, NodeInfo> input : session.getInputInfo().entrySet()) {
            Matcher key = DECODER_KEY.matcher(input.getKey());
            if (key.matches()) {
                maxLayer = Math.max(maxLayer, Integer.parseInt(key.group(1)));
                shape = ((TensorInfo) input.getValue().getInfo()).getShape();
            }
        }
        if (shape == null || shape.length != 4 || shape[1] <= 0 || shape[3] <= 0) {
            throw new IllegalArgumentException(
                    "not a merged Whisper decoder with a KV cache: its inputs are " + session.getInputNames());
        }
        this.layers = maxLayer + 1;
        this.heads = shape[1];
        this.headDim = shape[3];
    }

    /** A decoding pass over one encoded window; close it to free the cache. */
    Pass start(OnnxTensor encoderHiddenStates) throws OrtException {
        return new Pass(encoderHiddenStates);
    }

    /**
     * The cache of one pass. The first call's {@code present.*.encoder.*} are the cross-attention cache for
     * the whole pass: the cache branch outputs only placeholders for them (Optimum's merge; Transformers.js
     * and Optimum's own runtime keep the first ones too). The {@code present.*.decoder.*} of each call are
     * the next call's self-attention past.
     */
    final class Pass implements AutoCloseable {
        private final OnnxTensor encoderHiddenStates;
        /** [1, heads, 0, headDim]: the first call's past, for the decoder's and the encoder's caches alike. */
        private final OnnxTensor emptyCache;

        private OrtSession.Result crossAttention;
        private OrtSession.Result selfAttention;

        private Pass(OnnxTensor encoderHiddenStates) throws OrtException {
            this.encoderHiddenStates = encoderHiddenStates;
            this.emptyCache = OnnxTensor.createTensor(env, FloatBuffer.allocate(0), new long[] {1, heads, 0, headDim});
        }

        /** Decodes {@code ids} after everything before them; the logits of the last of them. */
        float[] next(long[] ids) throws OrtException {
            boolean useCache = selfAttention != null;
            Map<String, OnnxTensorLike> inputs = new HashMap<>();
            try (OnnxTensor inputIds = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {1, ids.length});
                    OnnxTensor useCacheBranch = OnnxTensor.createTensor(env, new boolean[] {useCache})) {
                inputs.put("input_ids", inputIds);
                inputs.put("encoder_hidden_states", encoderHiddenStates);
                inputs.put("use_cache_branch", useCacheBranch);
                for (int layer = 0; layer < layers; layer++) {
                    for (String cache : CACHES) {
                        OrtSession.Result source = cache.startsWith("decoder") ? selfAttention : crossAttention;
                        inputs.put(
                                "past_key_values." + layer + "." + cache,
                                useCache ? present(source, "present." + layer + "." + cache) : emptyCache);
                    }
                }
                OrtSession.Result result = session.run(inputs);
                if (crossAttention == null) {
                    crossAttention = result;
                } else if (selfAttention != crossAttention) {
                    selfAttention.close(); // this call's past: the new present replaces it
                }
                selfAttention = result;
            }
            return lastLogits((OnnxTensor) selfAttention.get("logits").orElseThrow());
        }

        private static OnnxTensor present(OrtSession.Result result, String name) {
            return (OnnxTensor) result.get(name)
                    .orElseThrow(() -> new IllegalStateException("the Whisper decoder gave no " + name));
        }

        /** logits are [1, ids, vocab]; only the last position predicts the next token. */
        private static float[] lastLogits(OnnxTensor logits) {
            long[] shape = logits.getInfo().getShape();
            int vocab = (int) shape[2];
            float[] last = new float[vocab];
            FloatBuffer all = logits.getFloatBuffer();
            all.position((int) (shape[1] - 1) * vocab);
            all.get(last);
            return last;
        }

        @Override
        public void close() {
            if (selfAttention != crossAttention) {
                selfAttention.close();
            }
            if (crossAttention != null) {
                crossAttention.close();
            }
            emptyCache.close();
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
