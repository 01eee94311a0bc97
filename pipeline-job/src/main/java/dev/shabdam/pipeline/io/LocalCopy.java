package dev.shabdam.pipeline.io;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stored object copied to a local temporary file for the length of one piece of work: FFmpeg
 * needs a seekable local file (an MP4's index may sit at its end), object storage gives a stream.
 */
public final class LocalCopy {
    private LocalCopy() {}

    /** The work a local file is needed for. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T on(File file) throws E;
    }

    public static <T, E extends Exception> T of(ObjectStorage storage, String key, Work<T, E> work)
            throws E, java.io.IOException {
        Path local = Files.createTempFile("shabdam-input-", suffixOf(key));
        try {
            storage.download(key, local);
            return work.on(local.toFile());
        } finally {
            Files.deleteIfExists(local);
        }
    }

    /** FFmpeg guesses the format from the content, but the extension is a useful hint for raw streams. */
    private static String suffixOf(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : "";
    }
}
