package dev.shabdam.pipeline.models;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.file.Path;

/** Opens ONNX Runtime sessions, on CUDA when asked and loadable, else on the CPU. */
public final class OnnxSessions {

    private OnnxSessions() {}

    /**
     * A session for {@code model}: on CUDA device 0 when {@code tryCuda} and the CUDA provider loads,
     * else on the CPU. Throws when the CPU session cannot be created either (a missing or broken file).
     */
    public static OrtSession open(Path model, boolean tryCuda) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        if (tryCuda) {
            try (OrtSession.SessionOptions gpu = new OrtSession.SessionOptions()) {
                gpu.addCUDA(0);
                return env.createSession(model.toString(), gpu);
            } catch (OrtException | UnsatisfiedLinkError e) {
                // The CPU jar, or a machine without CUDA (libcublasLt missing): ONNX Runtime
                // does not fall back by itself, so do it here.
                System.getLogger(OnnxSessions.class.getName())
                        .log(
                                System.Logger.Level.INFO,
                                "CUDA unavailable for " + model.getFileName() + ", using the CPU: " + e.getMessage());
            }
        }
        try (OrtSession.SessionOptions cpu = new OrtSession.SessionOptions()) {
            return env.createSession(model.toString(), cpu);
        }
    }
}
