package dev.shabdam.pipeline.synthesis;

import dev.shabdam.pipeline.synthesis.audio.Audio;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per-process cache of synthesised audio, least recently used evicted first, bounded by the
 * audio's bytes rather than an entry count (one long paragraph weighs as much as hundreds of
 * short replies). Thread-safe; the shared tier is the database index plus object storage.
 */
public final class AudioLru {

    private final long maxBytes;
    private final LinkedHashMap<String, Audio> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    public AudioLru(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    public synchronized Optional<Audio> get(String key) {
        Audio audio = entries.get(key);
        if (audio == null) {
            misses++;
        } else {
            hits++;
        }
        return Optional.ofNullable(audio);
    }

    /** Stores and evicts the least recently used entries until within bounds; larger-than-cache audio is not kept. */
    public synchronized void put(String key, Audio audio) {
        if (audio.sizeBytes() > maxBytes) {
            return;
        }
        Audio previous = entries.put(key, audio);
        bytes += audio.sizeBytes() - (previous == null ? 0 : previous.sizeBytes());
        Iterator<Map.Entry<String, Audio>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes) {
            bytes -= eldest.next().getValue().sizeBytes();
            eldest.remove();
        }
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    public synchronized long sizeBytes() {
        return bytes;
    }

    public synchronized int entryCount() {
        return entries.size();
    }
}
