package dev.shabdam.gateway.storage;

import org.springframework.core.io.AbstractResource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One object of the store as a Spring {@link org.springframework.core.io.Resource}: a response body
 * that is streamed from storage when it is written, never held in memory.
 */
public final class StoredObject extends AbstractResource {
    private final ObjectStore store;
    private final String key;
    private final long size;

    private StoredObject(ObjectStore store, String key, long size) {
        this.store = store;
        this.key = key;
        this.size = size;
    }

    /** The object under {@code key}, empty when there is none. */
    public static Optional<StoredObject> find(ObjectStore store, String key) throws IOException {
        if (key == null) {
            return Optional.empty();
        }
        OptionalLong size = store.size(key);
        return size.isPresent() ? Optional.of(new StoredObject(store, key, size.getAsLong())) : Optional.empty();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return open(0, size);
    }

    /** Reads {@code length} bytes from {@code offset}: a range is read from storage as a range, not by skipping. */
    public InputStream open(long offset, long length) throws IOException {
        return store.open(key, offset, length);
    }

    @Override
    public long contentLength() {
        return size;
    }

    @Override
    public boolean exists() {
        return true;
    }

    public String key() {
        return key;
    }

    @Override
    public String getDescription() {
        return "stored object " + key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredObject that && that.key.equals(key) && that.store == store;
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }
}
