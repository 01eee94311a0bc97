package dev.shabdam.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The project's version, as the build wrote it into {@code build.properties}: the jars the stack starts
 * are named after it, and a version bump in the pom then needs no edit here.
 */
final class BuildVersion {
    static final String VERSION = read();

    private BuildVersion() {}

    private static String read() {
        try (InputStream in = BuildVersion.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties is missing: build the module with Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
