package dev.shabdam.pipeline.synthesis.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.shabdam.speech.SynthesisException;

import java.nio.file.Path;

/** Opens ONNX Runtime sessions, on CUDA when asked and loadable, else on the CPU. */
final class OnnxSessions {

    private OnnxSessions() {
    }

    static OrtSession open(Path model, boolean tryCuda) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try {
            if (tryCuda) {
                try (OrtSession.SessionOptions gpu = new OrtSession.SessionOptions()) {
                    gpu.addCUDA(0);
                    return env.createSession(model.toString(), gpu);
                } catch (OrtException | UnsatisfiedLinkError e) {
                    // The CPU jar, or a machine without CUDA (libcublasLt missing): ONNX Runtime
                    // does not fall back by itself, so do it here.
                    System.getLogger(OnnxSessions.class.getName()).log(System.Logger.Level.INFO,
                            "CUDA unavailable for " + model.getFileName() + ", using CPU: " + e.getMessage());
                }
            }
            try (OrtSession.SessionOptions cpu = new OrtSession.SessionOptions()) {
                return env.createSession(model.toString(), cpu);
            }
        } catch (OrtException e) {
            throw new SynthesisException(SynthesisException.Code.ENGINE_FAILED, "Cannot load ONNX model " + model + ": " + e.getMessage(), e);
        }
    }
}
