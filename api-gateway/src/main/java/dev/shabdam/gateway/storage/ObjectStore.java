package dev.shabdam.gateway.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/** Object storage by key (keys come from {@link dev.shabdam.schemas.StorageKeys}). */
public interface ObjectStore {

    /**
     * Copies a stream into the object {@code key}, counting bytes as they pass. When the stream holds
     * more than {@code maxBytes}, nothing is left under the key and {@link ObjectTooLargeException} is thrown.
     *
     * @return the number of bytes stored
     */
    long put(String key, InputStream content, long maxBytes) throws IOException;

    /** The size of an object, empty when there is none. */
    OptionalLong size(String key) throws IOException;

    /** Reads {@code length} bytes of an object starting at {@code offset}. */
    InputStream open(String key, long offset, long length) throws IOException;

    void delete(String key) throws IOException;

    /** Deletes every object whose key starts with {@code prefix} (a folder of keys, ending in '/'); answers how many. */
    int deleteAll(String prefix) throws IOException;

    default boolean exists(String key) throws IOException {
        return size(key).isPresent();
    }

    /** Throws when the store cannot be used (for the readiness check). */
    void checkHealth() throws IOException;

    /** Where objects go, for logs and health details. */
    String describe();
}
