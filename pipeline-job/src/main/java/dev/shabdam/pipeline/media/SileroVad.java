package dev.shabdam.pipeline.media;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.shabdam.pipeline.models.OnnxSessions;

import java.io.FileNotFoundException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Silero VAD v5 on ONNX Runtime: a speech probability for every 32 ms of 16 kHz mono audio, the input of
 * {@link VoiceActivitySegmenter}. One session per instance; an instance is not thread-safe (the model's
 * recurrent state runs through a whole track), so give each operator subtask its own and close it.
 */
public final class SileroVad implements AutoCloseable {
    public static final String MODEL_FILE = "silero_vad_v5.onnx";
    public static final int SAMPLE_RATE_HZ = 16_000;
    /** 512 samples at 16 kHz: the 32 ms frame the segmenter counts in. */
    public static final int FRAME_SAMPLES = SAMPLE_RATE_HZ * VoiceActivitySegmenter.FRAME_MS / 1000;
    /**
     * Silero's own wrapper puts the last 64 samples of the previous frame before each frame; the model
     * was trained that way and is less sure of onsets without them.
     */
    private static final int CONTEXT_SAMPLES = 64;
    private static final long[] STATE_SHAPE = {2, 1, 128};

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    private SileroVad(OrtSession session) {
        this.session = session;
    }

    /**
     * Loads {@value #MODEL_FILE} from {@code modelsDir}; on CUDA when {@code tryCuda} and the CUDA
     * provider loads, else on the CPU (the model is small: 2–3 ms a frame on one core).
     */
    public static SileroVad open(Path modelsDir, boolean tryCuda) throws FileNotFoundException, OrtException {
        Path model = modelsDir.resolve(MODEL_FILE);
        if (!Files.isRegularFile(model)) {
            throw new FileNotFoundException("the Silero VAD model " + model.toAbsolutePath()
                    + " is missing: run `models/fetch` (see models/README.md)");
        }
        return new SileroVad(OnnxSessions.open(model, tryCuda));
    }

    /**
     * One probability per 512-sample frame of {@code samples} (16 kHz mono); the last, partial frame is
     * filled up with silence. Starts from a fresh state, so calls are independent.
     */
    public float[] speechProbabilities(float[] samples) throws OrtException {
        int frames = (samples.length + FRAME_SAMPLES - 1) / FRAME_SAMPLES;
        float[] probabilities = new float[frames];
        float[] window = new float[CONTEXT_SAMPLES + FRAME_SAMPLES];
        float[] state = new float[2 * 128];
        try (OnnxTensor rate = OnnxTensor.createTensor(env, (long) SAMPLE_RATE_HZ)) {
            for (int f = 0; f < frames; f++) {
                // slide: the end of the previous window becomes this one's context
                System.arraycopy(window, FRAME_SAMPLES, window, 0, CONTEXT_SAMPLES);
                int from = f * FRAME_SAMPLES;
                int n = Math.min(FRAME_SAMPLES, samples.length - from);
                System.arraycopy(samples, from, window, CONTEXT_SAMPLES, n);
                Arrays.fill(window, CONTEXT_SAMPLES + n, window.length, 0f);
                probabilities[f] = step(window, state, rate);
            }
        }
        return probabilities;
    }

    /** Runs one window, writing the model's next recurrent state into {@code state}. */
    private float step(float[] window, float[] state, OnnxTensor rate) throws OrtException {
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(window), new long[] {1, window.length});
             OnnxTensor stateIn = OnnxTensor.createTensor(env, FloatBuffer.wrap(state), STATE_SHAPE);
             OrtSession.Result result = session.run(Map.of("input", input, "state", stateIn, "sr", rate))) {
            ((OnnxTensor) result.get("stateN").orElseThrow()).getFloatBuffer().get(state);
            return ((OnnxTensor) result.get("output").orElseThrow()).getFloatBuffer().get(0);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
