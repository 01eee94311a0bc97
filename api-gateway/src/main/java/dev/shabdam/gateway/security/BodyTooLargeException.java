package dev.shabdam.gateway.security;

import java.io.IOException;

/** A request body over {@code shabdam.requests.max-json-bytes}: by its Content-Length, or as it was read. */
public class BodyTooLargeException extends IOException {
    private final long limit;

    BodyTooLargeException(long limit) {
        super("the body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
