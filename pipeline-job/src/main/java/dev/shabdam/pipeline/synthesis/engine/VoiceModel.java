package dev.shabdam.pipeline.synthesis.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shabdam.speech.SynthesisException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An installed VITS voice, in one of the two published layouts:
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
    record Piper(Path onnx, int sampleRate, String espeakVoice, Map<String, List<Long>> phonemeIds,
                 float noiseScale, float lengthScale, float noiseW, int speakers) implements VoiceModel {
    }

    /** MMS-TTS voice: character vocabulary; blanks interleaved when the model was trained so. */
    record Mms(Path onnx, int sampleRate, Map<Integer, Long> charIds, boolean addBlank) implements VoiceModel {
    }

    ObjectMapper JSON = new ObjectMapper();

    /** Finds the voice or fails with {@code model_missing} naming the file and how to fetch it. */
    static VoiceModel locate(Path voices, String voiceId) {
        Path piperJson = voices.resolve(voiceId + ".onnx.json");
        Path mmsDir = voices.resolve(voiceId);
        try {
            if (Files.isRegularFile(piperJson)) {
                return piper(require(voices.resolve(voiceId + ".onnx"), voiceId), piperJson);
            }
            if (Files.isDirectory(mmsDir)) {
                return mms(require(mmsDir.resolve("model.onnx"), voiceId), require(mmsDir.resolve("tokens.txt"), voiceId),
                        mmsDir.resolve("config.json"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw missing(piperJson.resolveSibling(voiceId + ".onnx") + " (+ .onnx.json) or " + mmsDir.resolve("model.onnx"), voiceId);
    }

    private static Path require(Path file, String voiceId) {
        if (!Files.isRegularFile(file)) {
            throw missing(file.toString(), voiceId);
        }
        return file;
    }

    private static SynthesisException missing(String file, String voiceId) {
        return new SynthesisException(SynthesisException.Code.MODEL_MISSING, "Voice '" + voiceId + "' is not installed: "
                + file + " is missing. Put the voice's files in the models folder (see models/README.md; `models/fetch` "
                + "reports what is installed).");
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
        return new Piper(onnx, config.path("audio").path("sample_rate").asInt(22050),
                config.path("espeak").path("voice").asText("ml"), Map.copyOf(ids),
                (float) inference.path("noise_scale").asDouble(0.667), (float) inference.path("length_scale").asDouble(1.0),
                (float) inference.path("noise_w").asDouble(0.8), config.path("num_speakers").asInt(1));
    }

    private static Mms mms(Path onnx, Path tokens, Path configJson) throws IOException {
        Map<Integer, Long> ids = new HashMap<>();
        for (String line : Files.readAllLines(tokens, StandardCharsets.UTF_8)) {
            int split = line.lastIndexOf(' ');
            if (split > 0 || (split == 0 && line.length() > 1)) {
                String token = line.substring(0, split);
                ids.put(token.isEmpty() ? (int) ' ' : token.codePointAt(0), Long.parseLong(line.substring(split + 1).strip()));
            }
        }
        JsonNode config = Files.isRegularFile(configJson) ? JSON.readTree(configJson.toFile()) : JSON.createObjectNode();
        return new Mms(onnx, config.path("sampling_rate").asInt(16000), Map.copyOf(ids), config.path("add_blank").asBoolean(true));
    }
}
