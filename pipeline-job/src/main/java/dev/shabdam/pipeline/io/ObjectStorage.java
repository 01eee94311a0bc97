package dev.shabdam.pipeline.io;

import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Objects under a root URI ({@code s3://bucket}, {@code file:///dir}), through Flink's FileSystem, so
 * the scheme decides the backend: the flink-s3-fs-hadoop plugin on a cluster, the local file system
 * in tests and on one machine. Keys come from {@link dev.shabdam.schemas.StorageKeys}.
 */
public final class ObjectStorage implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String rootUri;

    public ObjectStorage(String rootUri) {
        this.rootUri = rootUri.endsWith("/") ? rootUri.substring(0, rootUri.length() - 1) : rootUri;
    }

    public Path pathOf(String key) {
        return new Path(rootUri + "/" + key);
    }

    /** Copies an object to a local file, replacing it. */
    public void download(String key, java.nio.file.Path target) throws IOException {
        Path path = pathOf(key);
        FileSystem fs = path.getFileSystem();
        if (!fs.exists(path)) {
            throw new MissingObjectException(key);
        }
        try (FSDataInputStream in = fs.open(path)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** An object's bytes, or empty when nothing is stored under the key; for small objects only. */
    public Optional<byte[]> readIfPresent(String key) throws IOException {
        Path path = pathOf(key);
        FileSystem fs = path.getFileSystem();
        if (!fs.exists(path)) {
            return Optional.empty();
        }
        try (FSDataInputStream in = fs.open(path)) {
            return Optional.of(in.readAllBytes());
        }
    }

    /** Writes an object, replacing what a previous attempt of the same work wrote under the same key. */
    public void write(String key, byte[] bytes) throws IOException {
        Path path = pathOf(key);
        try (FSDataOutputStream out = path.getFileSystem().create(path, FileSystem.WriteMode.OVERWRITE)) {
            out.write(bytes);
        }
    }

    /** Copies a local file to an object, replacing what a previous attempt wrote; for files too big for memory. */
    public void upload(java.nio.file.Path source, String key) throws IOException {
        Path path = pathOf(key);
        try (FSDataOutputStream out = path.getFileSystem().create(path, FileSystem.WriteMode.OVERWRITE)) {
            Files.copy(source, out);
        }
    }

    @Override
    public String toString() {
        return rootUri;
    }
}
