package dev.shabdam.gateway.generation;

import dev.shabdam.gateway.GatewaySettings;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceEvent;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * Recently generated audio in this gateway's memory, by cache scope ({@link CacheScopes}) and storage key,
 * within a byte budget; the least recently used goes first. Only content-addressed synthesis cache objects
 * are kept (their key names their bytes, so a kept copy is never stale) and only small ones, the size that
 * travels inline: a repeated sentence, such as a chat assistant's greeting, is then answered without reading
 * storage. A copy kept for one scope never answers another, even under the same key.
 */
@Component
class RecentAudio {
    private final long budgetBytes;
    private final LinkedHashMap<ScopedKey, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long heldBytes;

    RecentAudio(GatewaySettings.Generation properties) {
        this.budgetBytes = properties.recentAudio().toBytes();
    }

    /** Whether an object of {@code size} bytes under {@code key} would be kept. */
    boolean keeps(String key, long size) {
        return StorageKeys.isSynthesisCache(key) && size <= Math.min(VoiceEvent.MAX_INLINE_OUTPUT_BYTES, budgetBytes);
    }

    synchronized Optional<byte[]> get(String scope, String key) {
        return Optional.ofNullable(entries.get(new ScopedKey(scope, key)));
    }

    /** Keeps {@code audio} as the bytes of {@code key} for {@code scope} if {@link #keeps} says so, dropping the least recently used beyond the budget. */
    synchronized void put(String scope, String key, byte[] audio) {
        ScopedKey scoped = new ScopedKey(scope, key);
        if (!keeps(key, audio.length) || entries.containsKey(scoped)) {
            return;
        }
        entries.put(scoped, audio);
        heldBytes += audio.length;
        var eldest = entries.entrySet().iterator();
        while (heldBytes > budgetBytes) {
            heldBytes -= eldest.next().getValue().length;
            eldest.remove();
        }
    }

    private record ScopedKey(String scope, String key) {}
}
