package dev.shabdam.local;

import dev.shabdam.pipeline.media.MediaDecodeException;
import dev.shabdam.pipeline.media.MediaProbe;
import dev.shabdam.pipeline.media.ProbeResult;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The real probe, except that it crashes the task for a file whose content was armed: an {@link Error},
 * as a dying TaskManager would, which the operator does not turn into a FAILED job. Once (a crash the
 * job recovers from), or on every try (a poison pill, which the quarantine ends). The MiniCluster runs
 * in the test's JVM, so static state reaches the operator's copy.
 */
final class CrashingProbe implements MediaProbe {
    private static final Set<String> ARMED = ConcurrentHashMap.newKeySet();
    private static final Map<String, Supplier<? extends Error>> ARMED_FOR_EVERY_TRY = new ConcurrentHashMap<>();
    private static final Map<String, Runnable> ARMED_NAME_PREFIXES = new ConcurrentHashMap<>();
    private static final AtomicInteger CRASHES = new AtomicInteger();

    private final MediaProbe real;

    CrashingProbe(MediaProbe real) {
        this.real = real;
    }

    /** Crashes once on the next file of this content. */
    void armFor(byte[] content) {
        ARMED.add(sha256(content));
    }

    /** Crashes with what {@code crash} makes on every file of this content, each time it is probed. */
    void armForEveryTry(byte[] content, Supplier<? extends Error> crash) {
        ARMED_FOR_EVERY_TRY.put(sha256(content), crash);
    }

    /**
     * Crashes once on the next file whose name starts with {@code prefix} (a file the job itself wrote),
     * running {@code beforeCrash} first: a look at what the job had done by then.
     */
    void armForFileNamed(String prefix, Runnable beforeCrash) {
        ARMED_NAME_PREFIXES.put(prefix, beforeCrash);
    }

    int crashes() {
        return CRASHES.get();
    }

    @Override
    public ProbeResult probe(File file) throws MediaDecodeException {
        Runnable beforeCrash = ARMED_NAME_PREFIXES.keySet().stream()
                .filter(prefix -> file.getName().startsWith(prefix))
                .findFirst()
                .map(ARMED_NAME_PREFIXES::remove)
                .orElse(null);
        if (beforeCrash != null) {
            beforeCrash.run();
        }
        String content = sha256(read(file));
        if (beforeCrash != null || ARMED.remove(content)) {
            CRASHES.incrementAndGet();
            throw new InjectedCrash();
        }
        Supplier<? extends Error> poison = ARMED_FOR_EVERY_TRY.get(content);
        if (poison != null) {
            CRASHES.incrementAndGet();
            throw poison.get();
        }
        return real.probe(file);
    }

    private static byte[] read(File file) {
        try {
            return Files.readAllBytes(file.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class InjectedCrash extends Error {
        InjectedCrash() {
            super("injected crash");
        }
    }
}
