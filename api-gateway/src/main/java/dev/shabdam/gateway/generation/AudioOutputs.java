package dev.shabdam.gateway.generation;

import dev.shabdam.gateway.storage.ObjectStore;
import dev.shabdam.gateway.storage.StoredObject;
import dev.shabdam.schemas.VoiceEvent;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The audio a generation's event names, from the nearest place that has it: the event itself (small
 * audio comes inline on voice.replies), this gateway's {@link RecentAudio}, else object storage.
 */
@Component
class AudioOutputs {
    private final ObjectStore store;
    private final RecentAudio recent;

    AudioOutputs(ObjectStore store, RecentAudio recent) {
        this.store = store;
        this.recent = recent;
    }

    /**
     * Output {@code name} of {@code event}, stored under {@code key}; {@code event} is null for a job found
     * ended in the table. Empty when the object is nowhere. A resource with a length (for Content-Length).
     */
    Optional<Resource> find(VoiceEvent event, String name, String key) throws IOException {
        Optional<byte[]> bytes = event == null ? Optional.empty() : event.inlineOutput(name);
        if (bytes.isPresent()) {
            recent.put(key, bytes.get());
        } else {
            bytes = recent.get(key);
        }
        if (bytes.isPresent()) {
            return Optional.of(new ByteArrayResource(bytes.get()));
        }
        Optional<StoredObject> stored = StoredObject.find(store, key);
        if (stored.isEmpty() || !recent.keeps(key, stored.get().contentLength())) {
            return stored.map(Resource.class::cast);
        }
        try (InputStream in = stored.get().getInputStream()) {
            byte[] read = in.readAllBytes();
            recent.put(key, read);
            return Optional.of(new ByteArrayResource(read));
        }
    }
}
