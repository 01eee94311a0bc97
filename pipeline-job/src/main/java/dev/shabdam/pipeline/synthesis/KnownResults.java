package dev.shabdam.pipeline.synthesis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The per-TaskManager front of the synthesis cache: which content keys are already in object
 * storage, with their result, least recently used forgotten first. A hit here answers without
 * synthesis and without a lookup; a miss falls through to the {@code synthesis_cache} table, then
 * to synthesis.
 */
public final class KnownResults {
    private final int capacity;
    private final Map<String, String> entries;

    public KnownResults(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > KnownResults.this.capacity;
            }
        };
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public synchronized void put(String key, String resultJson) {
        entries.put(key, resultJson);
    }

    public synchronized int size() {
        return entries.size();
    }
}
