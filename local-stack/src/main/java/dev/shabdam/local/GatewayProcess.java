package dev.shabdam.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gateway as its own process, started from its Spring Boot jar, as it runs in a cluster. Spring and
 * Flink never share a classpath this way.
 */
public final class GatewayProcess implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int LOG_TAIL_LINES = 40;

    private final Process process;
    private final String url;
    private final Path log;

    private GatewayProcess(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** Starts the jar; {@link #awaitReady} waits for it. */
    public static GatewayProcess launch(Path jar, int port, Map<String, String> environment, Path log)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "gateway jar not found at " + jar + ": build it with ./mvnw -DskipTests install");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SHABDAM_PORT", Integer.toString(port));
        return new GatewayProcess(builder.start(), "http://127.0.0.1:" + port, log);
    }

    public String url() {
        return url;
    }

    /** Returns once the readiness probe (database, Kafka, storage, the pipeline's job) answers UP; fails if the process dies. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited with " + process.exitValue() + "; the end of its log ("
                        + log + "):\n" + logTail());
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens a few seconds after the process starts
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException(
                "gateway not ready after " + timeout + "; the end of its log (" + log + "):\n" + logTail());
    }

    /** The log's last lines: the stack deletes its folder when it stops, so a failure must carry them. */
    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** SIGTERM lets Spring shut down gracefully; a process that hangs is killed. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
