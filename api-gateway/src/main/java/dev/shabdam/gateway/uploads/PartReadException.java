package dev.shabdam.gateway.uploads;

import java.io.IOException;

/**
 * Reading a part of the request failed (the client's body, not our storage): {@link PartStream} wraps what
 * the request's stream throws in it, so a copy into storage can tell the two apart.
 */
final class PartReadException extends IOException {
    PartReadException(IOException cause) {
        super(cause.getMessage(), cause);
    }
}
