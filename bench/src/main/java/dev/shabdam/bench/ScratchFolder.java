package dev.shabdam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A bench's temporary folder of inputs and outputs, gigabytes at times: removed when the bench ends. */
final class ScratchFolder {
    private ScratchFolder() {}

    /** Removes {@code dir} and everything in it. */
    static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
