package dev.shabdam.pipeline.media;

/** The file is not media the engine can decode; the message says why, in words a user can act on. */
public class MediaDecodeException extends Exception {
    public MediaDecodeException(String reason) {
        super(reason);
    }

    public MediaDecodeException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
