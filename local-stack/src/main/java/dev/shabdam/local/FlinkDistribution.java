package dev.shabdam.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Flink distribution's layout: {@code lib/} (the classpath of every Flink process) and {@code plugins/}
 * (file systems, each in a class loader of its own). Either a user's {@code FLINK_HOME} or the one this
 * build assembles from Maven Central ({@code flink-cluster/target/flink}): both are started the same way.
 */
public record FlinkDistribution(Path home) {
    static final String BUILT = "flink-cluster/target/flink";

    /** {@code FLINK_HOME} when set, else the build's. */
    public static FlinkDistribution fromEnvironment(Map<String, String> env, Path built) {
        String flinkHome = env.get("FLINK_HOME");
        return new FlinkDistribution(flinkHome == null || flinkHome.isBlank() ? built : Path.of(flinkHome));
    }

    public Path lib() {
        return home.resolve("lib");
    }

    public Path plugins() {
        return home.resolve("plugins");
    }

    /** The JVM's classpath: every jar of {@code lib/}, as Flink's own scripts put it. */
    String classpath() {
        return lib().toAbsolutePath() + "/*";
    }

    /** Fails with what to do when {@code lib/} is missing. */
    FlinkDistribution requireInstalled() {
        if (!Files.isDirectory(lib())) {
            throw new IllegalStateException("no Flink distribution at " + home.toAbsolutePath()
                    + " (no lib/): build with ./mvnw -DskipTests install, or set FLINK_HOME");
        }
        return this;
    }
}
