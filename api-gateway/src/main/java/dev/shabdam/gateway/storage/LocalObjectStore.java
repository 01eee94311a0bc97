package dev.shabdam.gateway.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Objects as files under a root directory ({@code file://} storage URIs). */
class LocalObjectStore implements ObjectStore {
    private final Path root;

    LocalObjectStore(Path root) throws IOException {
        this.root = Files.createDirectories(root.toAbsolutePath().normalize());
    }

    @Override
    public long put(String key, InputStream content, long maxBytes) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        // written beside the target and moved into place, so readers never see a partial object
        Path partial = Files.createTempFile(target.getParent(), ".upload-", ".part");
        try {
            long size;
            try (OutputStream out = Files.newOutputStream(partial)) {
                size = LimitedCopy.copy(content, out, maxBytes);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return size;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public OptionalLong size(String key) throws IOException {
        Path file = resolve(key);
        return Files.isRegularFile(file) ? OptionalLong.of(Files.size(file)) : OptionalLong.empty();
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(resolve(key), StandardOpenOption.READ);
        channel.position(offset);
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public int deleteAll(String prefix) throws IOException {
        Path folder = resolve(prefix);
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                deleted += Files.isRegularFile(path) ? 1 : 0;
                Files.deleteIfExists(path);
            }
        }
        return deleted;
    }

    @Override
    public void checkHealth() throws IOException {
        if (!Files.isDirectory(root) || !Files.isWritable(root)) {
            throw new IOException(root + " is not a writable directory");
        }
    }

    @Override
    public String describe() {
        return root.toUri().toString();
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("key escapes the storage root: " + key);
        }
        return path;
    }
}
