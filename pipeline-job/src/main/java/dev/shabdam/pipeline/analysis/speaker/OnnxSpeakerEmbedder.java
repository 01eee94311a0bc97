package dev.shabdam.pipeline.analysis.speaker;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.shabdam.pipeline.analysis.pitch.PitchTrack;
import dev.shabdam.pipeline.analysis.pitch.PitchTracker;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;
import dev.shabdam.pipeline.models.OnnxSessions;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A neural speaker embedding: the WeSpeaker ResNet34-LM of the model manifest (entry {@value #ID},
 * file {@value #FILE} under the models dir) on ONNX Runtime. Input {@code feats} float [1, T, 80]:
 * 80-band log mel filterbank of the 25 ms / 10 ms frames at 16 kHz ({@link LogMelSpectrum}, Kaldi's
 * Povey window, 20 Hz to Nyquist), mean-normalised over the recording; output {@code embs} float [1, D].
 * Like {@link MfccStatsEmbedder} it sees the voiced frames only, so that pauses and room noise do not
 * count. The session is thread-safe; {@link #close()} it with its owner.
 */
public final class OnnxSpeakerEmbedder implements SpeakerEmbedder, AutoCloseable {
    public static final String ID = "wespeaker-resnet34-lm";
    /** Relative to the models dir, as in models/manifest.json. */
    public static final String FILE = "wespeaker/voxceleb_resnet34_LM.onnx";

    static final int MEL_BANDS = 80;
    private static final double LOW_HZ = 20;

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final LogMelSpectrum fbank =
            new LogMelSpectrum(MEL_BANDS, LOW_HZ, SpeechSignal.RATE / 2.0, LogMelSpectrum.Window.POVEY);
    private final PitchTracker pitchTracker = new PitchTracker();

    private OnnxSpeakerEmbedder(OrtSession session) {
        this.session = session;
    }

    /**
     * The embedder when {@value #FILE} is installed under {@code modelsDir} (on CUDA when it loads, else
     * the CPU); empty when it is not. A file that is there but does not load is an error, not a fallback.
     */
    public static Optional<SpeakerEmbedder> installed(Path modelsDir) throws OrtException {
        Path model = modelsDir.resolve(FILE);
        if (!Files.isRegularFile(model)) {
            return Optional.empty();
        }
        return Optional.of(new OnnxSpeakerEmbedder(OnnxSessions.open(model, true)));
    }

    @Override
    public String id() {
        return ID;
    }

    /** The model's embedding; an empty vector when {@code signal} has no voiced frame. */
    @Override
    public float[] embed(SpeechSignal signal) {
        float[] feats = features(signal);
        int frames = feats.length / MEL_BANDS;
        if (frames == 0) {
            return new float[0];
        }
        try (OnnxTensor input =
                        OnnxTensor.createTensor(env, FloatBuffer.wrap(feats), new long[] {1, frames, MEL_BANDS});
                OrtSession.Result result = session.run(Map.of("feats", input))) {
            FloatBuffer embs = ((OnnxTensor) result.get("embs").orElseThrow()).getFloatBuffer();
            float[] embedding = new float[embs.remaining()];
            embs.get(embedding);
            return embedding;
        } catch (OrtException e) {
            throw new IllegalStateException("speaker embedding " + ID + " failed: " + e.getMessage(), e);
        }
    }

    /** The voiced frames' log mel energies, mean-normalised over them, row-major [T, 80]. */
    float[] features(SpeechSignal signal) {
        double[][] logMel = fbank.extract(signal);
        PitchTrack pitch = pitchTracker.track(signal);
        int voiced = 0;
        double[] mean = new double[MEL_BANDS];
        for (int f = 0; f < logMel.length; f++) {
            if (pitch.voiced(f)) {
                for (int m = 0; m < MEL_BANDS; m++) {
                    mean[m] += logMel[f][m];
                }
                voiced++;
            }
        }
        float[] feats = new float[voiced * MEL_BANDS];
        int row = 0;
        for (int f = 0; f < logMel.length; f++) {
            if (pitch.voiced(f)) {
                for (int m = 0; m < MEL_BANDS; m++) {
                    feats[row * MEL_BANDS + m] = (float) (logMel[f][m] - mean[m] / voiced);
                }
                row++;
            }
        }
        return feats;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
