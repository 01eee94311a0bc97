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
        Track track = track();
        track.add(samples, 0, samples.length);
        return track.finish();
    }

    /** A fresh pass over one track, fed block by block: the model's state runs on from block to block. */
    public Track track() {
        return new Track();
    }

    /**
     * One track's speech probabilities, its samples fed a block at a time ({@link #add}); only the
     * probabilities (31 a second) and one frame's samples are kept.
     */
    public final class Track {
        private final float[] window = new float[CONTEXT_SAMPLES + FRAME_SAMPLES];
        private final float[] state = new float[2 * 128];
        private float[] probabilities = new float[256];
        private int frames;
        private int filled;

        private Track() {}

        /** Feeds {@code samples[from, to)}; every frame they complete is judged now. */
        public void add(float[] samples, int from, int to) throws OrtException {
            try (OnnxTensor rate = OnnxTensor.createTensor(env, (long) SAMPLE_RATE_HZ)) {
                for (int at = from; at < to; ) {
                    int n = Math.min(FRAME_SAMPLES - filled, to - at);
                    System.arraycopy(samples, at, window, CONTEXT_SAMPLES + filled, n);
                    filled += n;
                    at += n;
                    if (filled == FRAME_SAMPLES) {
                        judge(rate);
                    }
                }
            }
        }

        /** Judges the last, partial frame (filled up with silence) and answers one probability per frame. */
        public float[] finish() throws OrtException {
            if (filled > 0) {
                Arrays.fill(window, CONTEXT_SAMPLES + filled, window.length, 0f);
                try (OnnxTensor rate = OnnxTensor.createTensor(env, (long) SAMPLE_RATE_HZ)) {
                    judge(rate);
                }
            }
            return Arrays.copyOf(probabilities, frames);
        }

        private void judge(OnnxTensor rate) throws OrtException {
            if (frames == probabilities.length) {
                probabilities = Arrays.copyOf(probabilities, frames * 2);
            }
            probabilities[frames++] = step(window, state, rate);
            // slide: the end of this window becomes the next one's context
            System.arraycopy(window, FRAME_SAMPLES, window, 0, CONTEXT_SAMPLES);
            filled = 0;
        }
    }

    /** Runs one window, writing the model's next recurrent state into {@code state}. */
    private float step(float[] window, float[] state, OnnxTensor rate) throws OrtException {
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(window), new long[] {1, window.length});
                OnnxTensor stateIn = OnnxTensor.createTensor(env, FloatBuffer.wrap(state), STATE_SHAPE);
                OrtSession.Result result = session.run(Map.of("input", input, "state", stateIn, "sr", rate))) {
            ((OnnxTensor) result.get("stateN").orElseThrow()).getFloatBuffer().get(state);
            return ((OnnxTensor) result.get("output").orElseThrow())
                    .getFloatBuffer()
                    .get(0);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
