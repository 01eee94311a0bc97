package dev.shabdam.pipeline.analysis.speaker;

import dev.shabdam.pipeline.models.OnnxGraphBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A stand-in for the WeSpeaker model with its signature ({@code feats} [1, T, 80] → {@code embs}
 * [1, {@value #DIM}]), built by the tests: the per-band energy of the mean-normalised features over
 * time (the sum of squares: their mean is zero by construction), projected by a fixed random
 * [80, {@value #DIM}] matrix. It is no speaker model, but it does see what the real one is fed.
 */
public final class StandInSpeakerModel {
    public static final int DIM = 16;

    private StandInSpeakerModel() {}

    /** Writes the stand-in model where the manifest puts the WeSpeaker model under {@code modelsDir}. */
    public static void install(Path modelsDir) throws Exception {
        Random random = new Random(7);
        float[] weights = new float[OnnxSpeakerEmbedder.MEL_BANDS * DIM];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        byte[] model = new OnnxGraphBuilder()
                .int64Constant("time_axis", 1)
                .floatTensor("projection", new long[] {OnnxSpeakerEmbedder.MEL_BANDS, DIM}, weights)
                .node("Mul", List.of("feats", "feats"), List.of("squared"))
                .node("ReduceSum", List.of("squared", "time_axis"), List.of("energy"), "keepdims", 0L)
                .node("MatMul", List.of("energy", "projection"), List.of("embs"))
                .input("feats", OnnxGraphBuilder.FLOAT, 1L, "frames", (long) OnnxSpeakerEmbedder.MEL_BANDS)
                .output("embs", OnnxGraphBuilder.FLOAT, 1L, (long) DIM)
                .build();
        Path file = modelsDir.resolve(OnnxSpeakerEmbedder.FILE);
        Files.createDirectories(file.getParent());
        Files.write(file, model);
    }
}
