package dev.shabdam.pipeline.synthesis.engine;

import dev.shabdam.pipeline.models.OnnxGraphBuilder;
import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.speech.SynthesisException;
import dev.shabdam.speech.prosody.EmotionTable;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The VITS runner against graphs with the published Piper and MMS signatures, built by the
 * test: every id becomes HOP samples of value id/100, so the output length is n·HOP.
 */
class VitsOnnxSynthesizerTest {

    private static final long HOP = 256;
    private static final EmotionTable EMOTIONS = EmotionTable.fromClasspath();

    @TempDir
    Path voices;

    /** Cast ids to float, add an axis, repeat HOP times along it, flatten to {@code outShape}. */
    private static OnnxGraphBuilder idsToWaveform(String ids, String out, long... outShape) {
        return new OnnxGraphBuilder()
                .int64Constant("axes", 2)
                .int64Constant("repeat", 1, 1, HOP)
                .int64Constant("out_shape", outShape)
                .floatConstant("scale", 0.01f)
                .node("Cast", List.of(ids), List.of("ids_f"), "to", (long) OnnxGraphBuilder.FLOAT)
                .node("Mul", List.of("ids_f", "scale"), List.of("scaled"))
                .node("Unsqueeze", List.of("scaled", "axes"), List.of("column"))
                .node("Expand", List.of("column", "repeat"), List.of("tiled"))
                .node("Reshape", List.of("tiled", "out_shape"), List.of(out));
    }

    private void installPiper(String voiceId) throws Exception {
        byte[] model = idsToWaveform("input", "output", 1, 1, -1)
                .input("input", OnnxGraphBuilder.INT64, 1L, "n")
                .input("input_lengths", OnnxGraphBuilder.INT64, 1L)
                .input("scales", OnnxGraphBuilder.FLOAT, 3L)
                .output("output", OnnxGraphBuilder.FLOAT, 1L, 1L, "samples")
                .build();
        Files.write(voices.resolve(voiceId + ".onnx"), model);
        Files.writeString(voices.resolve(voiceId + ".onnx.json"), """
                {"audio": {"sample_rate": 16000},
                 "espeak": {"voice": "ml"},
                 "inference": {"noise_scale": 0.667, "length_scale": 1, "noise_w": 0.8},
                 "num_speakers": 1,
                 "phoneme_id_map": {"_": [0], "^": [1], "$": [2], " ": [3], "a": [14], "m": [25], "l": [24], "ə": [59], "ː": [32]}}
                """);
    }

    private void installMms(String voiceId) throws Exception {
        Path dir = Files.createDirectories(voices.resolve(voiceId));
        byte[] model = idsToWaveform("input_ids", "waveform", 1, -1)
                .input("input_ids", OnnxGraphBuilder.INT64, 1L, "n")
                .input("attention_mask", OnnxGraphBuilder.INT64, 1L, "n")
                .output("waveform", OnnxGraphBuilder.FLOAT, 1L, "samples")
                .build();
        Files.write(dir.resolve("model.onnx"), model);
        Files.writeString(dir.resolve("tokens.txt"), "_ 0\nമ 5\nല 6\nാ 7\n  8\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("config.json"), "{\"sampling_rate\": 16000, \"add_blank\": true}");
    }

    @Test
    void mmsVoiceOutputsTheGraphsLengthAtTheConfiguredRate() throws Exception {
        installMms("mms-mal");
        try (VitsOnnxSynthesizer engine = new VitsOnnxSynthesizer(voices, true, EMOTIONS)) {
            Audio audio = engine.synthesize(new SynthesisRequest("മലാ x", Language.ML, "mms-mal", Prosody.NEUTRAL));
            // 4 known characters (മ ല ാ and the space; x is not in the vocabulary), blanks around each: 9 ids
            assertThat(audio.sampleRate()).isEqualTo(16000);
            assertThat(audio.samples()).hasSize((int) (9 * HOP));
            assertThat(audio.samples()[(int) HOP])
                    .isCloseTo(0.05f, org.assertj.core.api.Assertions.within(1e-6f)); // second id is മ = 5, times 0.01
        }
    }

    @Test
    void piperVoiceRunsOnEspeakPhonemes() throws Exception {
        assumeTrue(EspeakSynthesizer.isAvailable(), "libespeak-ng is not installed (Piper needs its phonemes)");
        installPiper("ml-in-test-medium");
        try (VitsOnnxSynthesizer engine = new VitsOnnxSynthesizer(voices, false, EMOTIONS)) {
            Audio audio =
                    engine.synthesize(new SynthesisRequest("മല", Language.ML, "ml-in-test-medium", Prosody.NEUTRAL));
            VoiceModel.Piper piper = (VoiceModel.Piper) VoiceModel.locate(voices, "ml-in-test-medium");
            long[] ids = VitsOnnxSynthesizer.piperIds(piper, Espeak.get().phonemesIpa("മല", "ml"));
            assertThat(ids[0]).isEqualTo(1);
            assertThat(ids[ids.length - 1]).isEqualTo(2);
            assertThat(ids).contains(25L, 24L); // m and l made it through espeak's IPA
            assertThat(audio.sampleRate()).isEqualTo(16000);
            assertThat(audio.samples()).hasSize((int) (ids.length * HOP));
        }
    }

    @Test
    void aManifestVoiceThatIsNotInstalledNamesTheFileAndTheFetchCommandButNotTheFolder() {
        SynthesisException refusal = refusal("piper-ml-in-meera-medium");
        assertThat(refusal.codeName()).isEqualTo("model_missing");
        assertThat(refusal)
                .hasMessageContaining("piper/ml_IN-meera-medium.onnx")
                .hasMessageContaining("models/README.md")
                .hasMessageNotContaining(voices.toString());
    }

    @Test
    void aVoiceNeitherListedNorInstalledIsNotFound() {
        SynthesisException refusal = refusal("ml-in-arjun-medium");
        assertThat(refusal.codeName()).isEqualTo("voice_not_found");
        assertThat(refusal).hasMessageContaining("ml-in-arjun-medium");
    }

    /** What speaking a word with {@code voiceId} fails with. */
    private SynthesisException refusal(String voiceId) {
        try (VitsOnnxSynthesizer engine = new VitsOnnxSynthesizer(voices, false, EMOTIONS)) {
            return catchThrowableOfType(
                    SynthesisException.class,
                    () -> engine.synthesize(new SynthesisRequest("മല", Language.ML, voiceId, Prosody.NEUTRAL)));
        }
    }

    @Test
    void anIdThatIsAPathNeverReachesTheFilesystem() throws Exception {
        Path outside = Files.createDirectories(
                voices.resolveSibling(voices.getFileName() + "-outside").resolve("stolen"));
        Files.write(outside.resolve("model.onnx"), new byte[] {1});
        Files.writeString(outside.resolve("tokens.txt"), "a 1\n");
        assertThatThrownBy(() ->
                        VoiceModel.locate(voices, "../" + outside.getParent().getFileName() + "/stolen"))
                .extracting(e -> ((SynthesisException) e).codeName())
                .isEqualTo("invalid_voice");
        assertThatThrownBy(() -> VoiceModel.locate(voices, outside.toString()))
                .extracting(e -> ((SynthesisException) e).codeName())
                .isEqualTo("invalid_voice");
    }

    @Test
    void aManifestVoiceLoadsFromWhereTheManifestPutsIt() throws Exception {
        installMms("mms-tts-mal"); // the manifest's file: mms-tts-mal/model.onnx
        try (VitsOnnxSynthesizer engine = new VitsOnnxSynthesizer(voices, false, EMOTIONS)) {
            Audio audio = engine.synthesize(new SynthesisRequest("മല", Language.ML, "mms-tts-mal", Prosody.NEUTRAL));
            assertThat(audio.samples()).hasSize((int) (5 * HOP)); // മ and ല with blanks around each
        }
    }

    @Test
    void piperJsonWithoutItsOnnxIsAlsoMissing() throws Exception {
        Files.writeString(voices.resolve("half.onnx.json"), "{}");
        assertThatThrownBy(() -> VoiceModel.locate(voices, "half"))
                .hasMessageContaining("half.onnx is missing")
                .extracting(e -> ((SynthesisException) e).codeName())
                .isEqualTo("model_missing");
    }
}
