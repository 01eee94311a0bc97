package dev.shabdam.pipeline.io;

import java.io.IOException;

/** No object is stored under the key a request named. */
public class MissingObjectException extends IOException {
    public MissingObjectException(String key) {
        super("no object is stored under " + key);
    }
}
