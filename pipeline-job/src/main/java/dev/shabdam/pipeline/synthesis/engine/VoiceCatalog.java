package dev.shabdam.pipeline.synthesis.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The voices the model manifest names ({@code models/manifest.json}, entries of task {@code text-to-speech},
 * carried in the job jar): voice id → its main file, relative to the models folder. A voice id is looked up
 * here, never turned into a path itself, so the manifest alone decides which files under the models folder
 * a request can load.
 */
final class VoiceCatalog {
    static final String MANIFEST = "/models/manifest.json";
    private static final String TEXT_TO_SPEECH = "text-to-speech";
    private static final VoiceCatalog BUNDLED = load();

    private final Map<String, String> files;

    private VoiceCatalog(Map<String, String> files) {
        this.files = Map.copyOf(files);
    }

    /** The catalog of the manifest in the job jar. */
    static VoiceCatalog bundled() {
        return BUNDLED;
    }

    /** The main file of a voice the manifest names, relative to the models folder. */
    Optional<String> file(String voiceId) {
        return Optional.ofNullable(files.get(voiceId));
    }

    static VoiceCatalog parse(InputStream manifest) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (JsonNode entry : new ObjectMapper().readTree(manifest)) {
            if (TEXT_TO_SPEECH.equals(entry.path("task").asText())) {
                files.put(entry.path("id").asText(), entry.path("file").asText());
            }
        }
        return new VoiceCatalog(files);
    }

    private static VoiceCatalog load() {
        try (InputStream manifest = VoiceCatalog.class.getResourceAsStream(MANIFEST)) {
            if (manifest == null) {
                throw new IllegalStateException(MANIFEST + " is not on the classpath: the job jar is built without it");
            }
            return parse(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
