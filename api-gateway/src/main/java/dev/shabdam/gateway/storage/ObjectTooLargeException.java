package dev.shabdam.gateway.storage;

import java.io.IOException;

/** A stream was longer than the limit given to {@link ObjectStore#put}. */
public class ObjectTooLargeException extends IOException {
    private final long limit;

    public ObjectTooLargeException(long limit) {
        super("more than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
