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
 * audio comes inline on voice.replies), this gateway's {@link RecentAudio} in the tenant's cache scope, else
 * object storage.
 */
@Component
class AudioOutputs {
    private final ObjectStore store;
    private final RecentAudio recent;
    private final CacheScopes scopes;

    AudioOutputs(ObjectStore store, RecentAudio recent, CacheScopes scopes) {
        this.store = store;
        this.recent = recent;
        this.scopes = scopes;
    }

    /**
     * Output {@code name} of a job of tenant {@code tenantId}, stored under {@code key}; {@code event} is the
     * job's event naming it, null for a job found ended in the table. Empty when the object is nowhere. A
     * resource with a length (for Content-Length).
     */
    Optional<Resource> find(String tenantId, VoiceEvent event, String name, String key) throws IOException {
        String scope = scopes.of(tenantId);
        Optional<byte[]> bytes = event == null ? Optional.empty() : event.inlineOutput(name);
        if (bytes.isPresent()) {
            recent.put(scope, key, bytes.get());
        } else {
            bytes = recent.get(scope, key);
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
            recent.put(scope, key, read);
            return Optional.of(new ByteArrayResource(read));
        }
    }
}
