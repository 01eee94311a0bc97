package dev.shabdam.local;

import dev.shabdam.pipeline.PipelineConfig;
import dev.shabdam.pipeline.media.FfmpegMediaProbe;
import dev.shabdam.pipeline.media.MediaProbe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Everything Shabdam needs on one machine: a Kafka broker, PostgreSQL, an S3-compatible store, the
 * Flink job on a MiniCluster (web UI included) or a Flink cluster of its own processes, and the gateway process. {@link #close()} stops them in
 * reverse order and removes the working folder, so nothing is left behind.
 */
public final class LocalStack implements AutoCloseable {
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Path workDir;
    private KafkaBroker kafka;
    private PostgresServer.JdbcTarget database;
    private StorageTarget storage;
    private GatewayProcess gateway;
    private String flinkRestUrl;

    private LocalStack(Path workDir) {
        this.workDir = workDir;
    }

    public static LocalStack start(StackSettings settings) throws Exception {
        return start(settings, new FfmpegMediaProbe());
    }

    /** Starts the stack with the given media probe (tests wrap the real one to inject failures). */
    public static LocalStack start(StackSettings settings, MediaProbe probe) throws Exception {
        return start(settings, PipelineRunner.miniCluster(probe, settings.flinkPlugins()));
    }

    /** Starts the stack with the pipeline on {@code host} (a {@link ClusterPipeline}: its own Flink cluster). */
    public static LocalStack start(StackSettings settings, PipelineHost host) throws Exception {
        LocalStack stack = new LocalStack(Files.createTempDirectory("shabdam-stack-"));
        try {
            stack.startAll(settings, host);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(StackSettings settings, PipelineHost host) throws Exception {
        kafka = own(KafkaBroker.start());

        PostgresServer postgres =
                settings.externalDb().map(PostgresServer::external).orElseGet(PostgresServer::startEmbeddedUnchecked);
        own(postgres);
        database = postgres.target();

        if (settings.fileStorage()) {
            storage = StorageTarget.localFolder(Files.createDirectories(workDir.resolve("objects")));
        } else {
            storage = own(ObjectStoreServer.start(Files.createDirectories(workDir.resolve("objects"))))
                    .target();
        }

        // the gateway's readiness reads the job's state from Flink's REST API (the web UI's port), so the port
        // is known before either starts: with 0 ("any"), a free one is picked here
        int flinkPort = settings.flinkUiPort() == 0 ? FreePort.find() : settings.flinkUiPort();
        flinkRestUrl = "http://localhost:" + flinkPort;

        // Spring and Flink each take seconds to start: the gateway boots while the job is submitted
        gateway = own(GatewayProcess.launch(
                settings.gatewayJar(),
                settings.gatewayPort(),
                gatewayEnvironment(settings),
                workDir.resolve("gateway.log")));

        Map<String, String> flinkOptions = new LinkedHashMap<>(storage.flinkOptions());
        flinkOptions.putAll(settings.flinkOptions());
        own(host.start(pipelineConfig(settings), flinkOptions, flinkPort, workDir));

        gateway.awaitReady(Duration.ofSeconds(120));
    }

    private PipelineConfig pipelineConfig(StackSettings settings) {
        // the job runs in this process: machine translation and the watermark as this process's environment configures
        // them
        return PipelineConfig.builder()
                .withKafkaBootstrap(kafka.bootstrapServers())
                .withJdbc(database.url(), database.user(), database.password())
                .withStorageUri(storage.uri())
                .withParallelism(settings.parallelism())
                .withModelsDir(settings.modelsDir())
                .withTranslation(PipelineConfig.translation(System::getenv).orElse(null))
                .withWatermarking(PipelineConfig.watermarking(System::getenv))
                .build();
    }

    private Map<String, String> gatewayEnvironment(StackSettings settings) {
        Map<String, String> env = new LinkedHashMap<>(storage.environment());
        env.put("SHABDAM_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        env.put("SHABDAM_JDBC_URL", database.url());
        env.put("SHABDAM_JDBC_USER", database.user());
        env.put("SHABDAM_JDBC_PASSWORD", database.password());
        env.put("SHABDAM_API_KEYS", settings.apiKeys());
        env.put("SHABDAM_FLINK_REST_URL", flinkRestUrl);
        env.putAll(settings.gatewayEnvironment());
        return env;
    }

    private <T extends AutoCloseable> T own(T resource) {
        started.push(resource);
        return resource;
    }

    public String gatewayUrl() {
        return gateway.url();
    }

    /** Flink's REST API (and web UI) of the pipeline's MiniCluster or JobManager; the gateway's readiness reads it. */
    public String flinkRestUrl() {
        return flinkRestUrl;
    }

    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    public PostgresServer.JdbcTarget database() {
        return database;
    }

    public StorageTarget storage() {
        return storage;
    }

    /** Stops everything that was started, newest first; one failure does not keep the rest running. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("while stopping the stack: " + e);
            } catch (Error e) {
                System.err.println("while stopping the stack: " + e);
            }
        }
        deleteQuietly(workDir);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + dir + ": " + e);
        }
    }

    /** {@code ./shabdam up}: start, print READY, run until SIGINT or SIGTERM. */
    public static void main(String[] args) throws Exception {
        long begin = System.nanoTime();
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        serve(start(settings), settings, begin);
    }

    /** Prints where everything is and READY, then runs until SIGINT or SIGTERM, which close the stack. */
    static void serve(LocalStack stack, StackSettings settings, long begin) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("stopping …");
                            stack.close();
                            System.out.println("stopped");
                            stopped.countDown();
                        },
                        "shabdam-shutdown"));
        System.out.printf(
                "Kafka %s · PostgreSQL %s · storage %s · Flink UI %s · started in %.1f s%n",
                stack.kafkaBootstrap(),
                stack.database().url(),
                stack.storage().uri(),
                stack.flinkRestUrl(),
                (System.nanoTime() - begin) / 1e9);
        System.out.println("READY " + stack.gatewayUrl() + " " + settings.firstApiKey());
        System.out.flush();
        stopped.await();
    }
}
