package dev.shabdam.pipeline.synthesis.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shabdam.speech.SynthesisException;
import dev.shabdam.speech.VoiceIds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An installed VITS voice, in one of the two published layouts (where the files lie: {@link #locate}):
 * <ul>
 *   <li>{@link Piper}: {@code <voices>/<voiceId>.onnx} + {@code <voiceId>.onnx.json}, fed
 *       espeak-ng IPA phoneme ids;</li>
 *   <li>{@link Mms}: {@code <voices>/<voiceId>/model.onnx} + {@code tokens.txt}
 *       ({@code <char> <id>} per line) and optional {@code config.json}, fed character ids.</li>
 * </ul>
 */
sealed interface VoiceModel permits VoiceModel.Piper, VoiceModel.Mms {

    Path onnx();

    int sampleRate();

    /** Piper voice: phoneme_id_map and the inference defaults of its .onnx.json. */
    record Piper(
            Path onnx,
            int sampleRate,
            String espeakVoice,
            Map<String, List<Long>> phonemeIds,
            float noiseScale,
            float lengthScale,
            float noiseW,
            int speakers)
            implements VoiceModel {}

    /** MMS-TTS voice: character vocabulary; blanks interleaved when the model was trained so. */
    record Mms(Path onnx, int sampleRate, Map<Integer, Long> charIds, boolean addBlank) implements VoiceModel {}

    ObjectMapper JSON = new ObjectMapper();
    String MMS_MODEL = "model.onnx";

    /**
     * Finds a voice: one the model manifest names ({@link VoiceCatalog}), with its files where the manifest puts
     * them, else one installed in the models folder under its own id, in either layout. A voice the manifest
     * names whose files are not there is {@code model_missing}, naming the files and how to fetch them; any
     * other id is {@code voice_not_found}. Messages name files relative to the models folder, never the folder.
     */
    static VoiceModel locate(Path voices, String voiceId) {
        VoiceIds.require(voiceId); // the id becomes a file name below: checked here too, whoever calls
        Optional<String> listed = VoiceCatalog.bundled().file(voiceId);
        try {
            if (listed.isPresent()) {
                return listed(voices, voiceId, listed.get());
            }
            if (Files.isRegularFile(voices.resolve(voiceId + ".onnx.json"))) {
                return piper(require(voices, voiceId + ".onnx", voiceId), voices.resolve(voiceId + ".onnx.json"));
            }
            if (Files.isDirectory(voices.resolve(voiceId))) {
                return mms(voices, voiceId, voiceId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new SynthesisException(
                SynthesisException.Code.VOICE_NOT_FOUND,
                "There is no voice '" + voiceId
                        + "': the model manifest names none, and none is installed under that id.");
    }

    /** An MMS voice when the manifest's file is a folder's {@code model.onnx}, else a Piper voice (its .onnx and .onnx.json). */
    private static VoiceModel listed(Path voices, String voiceId, String file) throws IOException {
        if (file.endsWith("/" + MMS_MODEL)) {
            return mms(voices, file.substring(0, file.length() - MMS_MODEL.length() - 1), voiceId);
        }
        return piper(require(voices, file, voiceId), require(voices, file + ".json", voiceId));
    }

    private static Mms mms(Path voices, String folder, String voiceId) throws IOException {
        return mms(
                require(voices, folder + "/" + MMS_MODEL, voiceId),
                require(voices, folder + "/tokens.txt", voiceId),
                voices.resolve(folder).resolve("config.json"));
    }

    private static Path require(Path voices, String relative, String voiceId) {
        Path file = voices.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new SynthesisException(
                    SynthesisException.Code.MODEL_MISSING,
                    "Voice '" + voiceId + "' is not installed: "
                            + relative
                            + " is missing from the models folder. Put the voice's files there (see models/README.md; "
                            + "`models/fetch` reports what is installed).");
        }
        return file;
    }

    private static Piper piper(Path onnx, Path json) throws IOException {
        JsonNode config = JSON.readTree(json.toFile());
        Map<String, List<Long>> ids = new HashMap<>();
        config.path("phoneme_id_map").properties().forEach(e -> {
            List<Long> values = new java.util.ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asLong()));
            ids.put(e.getKey(), List.copyOf(values));
        });
        JsonNode inference = config.path("inference");
        return new Piper(
                onnx,
                config.path("audio").path("sample_rate").asInt(22050),
                config.path("espeak").path("voice").asText("ml"),
                Map.copyOf(ids),
                (float) inference.path("noise_scale").asDouble(0.667),
                (float) inference.path("length_scale").asDouble(1.0),
                (float) inference.path("noise_w").asDouble(0.8),
                config.path("num_speakers").asInt(1));
    }

    private static Mms mms(Path onnx, Path tokens, Path configJson) throws IOException {
        Map<Integer, Long> ids = new HashMap<>();
        for (String line : Files.readAllLines(tokens, StandardCharsets.UTF_8)) {
            int split = line.lastIndexOf(' ');
            if (split > 0 || (split == 0 && line.length() > 1)) {
                String token = line.substring(0, split);
                ids.put(
                        token.isEmpty() ? (int) ' ' : token.codePointAt(0),
                        Long.parseLong(line.substring(split + 1).strip()));
            }
        }
        JsonNode config =
                Files.isRegularFile(configJson) ? JSON.readTree(configJson.toFile()) : JSON.createObjectNode();
        return new Mms(
                onnx,
                config.path("sampling_rate").asInt(16000),
                Map.copyOf(ids),
                config.path("add_blank").asBoolean(true));
    }
}
