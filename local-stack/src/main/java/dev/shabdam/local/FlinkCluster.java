package dev.shabdam.local;

import dev.shabdam.local.FlinkProcess.Role;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A Flink session cluster of separate processes on this machine: one JobManager and N TaskManagers, each
 * its own JVM with its own configuration folder, started from Flink's entrypoints on a distribution's
 * {@code lib/}. Jobs reach it over the JobManager's REST API, as a user's would.
 */
public final class FlinkCluster implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> JAVA_17_OPENS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private final ClusterSettings settings;
    private final Map<String, String> options;
    private final Map<String, String> environment;
    private final Path workDir;
    private final FlinkRestClient rest;
    private final List<FlinkProcess> taskManagers = new ArrayList<>();
    /** How often each TaskManager was started: the generation in its resource id. */
    private final List<Integer> starts = new ArrayList<>();

    private FlinkProcess jobManager;

    private FlinkCluster(
            ClusterSettings settings, Map<String, String> options, Map<String, String> environment, Path workDir) {
        this.settings = settings;
        this.options = options;
        this.environment = environment;
        this.workDir = workDir;
        this.rest = new FlinkRestClient("http://localhost:" + options.get("rest.port"));
    }

    /**
     * Starts the JobManager, then the TaskManagers, and returns once all have registered.
     *
     * @param flinkOptions what this cluster adds to its configuration (the S3 filesystem's endpoint and keys)
     * @param restPort     the JobManager's REST port (and web UI)
     * @param environment  the processes' environment on top of this one's (the job's secrets)
     */
    public static FlinkCluster start(
            ClusterSettings settings,
            Map<String, String> flinkOptions,
            int restPort,
            Map<String, String> environment,
            Path workDir)
            throws Exception {
        settings.distribution().requireInstalled();
        FlinkCluster cluster = new FlinkCluster(
                settings, options(settings, flinkOptions, restPort, workDir), Map.copyOf(environment), workDir);
        try {
            cluster.startAll();
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private static Map<String, String> options(
            ClusterSettings settings, Map<String, String> flinkOptions, int restPort, Path workDir) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("jobmanager.rpc.address", "localhost");
        options.put("jobmanager.rpc.port", Integer.toString(FreePort.find()));
        options.put("jobmanager.bind-host", "localhost");
        options.put("taskmanager.bind-host", "localhost");
        options.put("taskmanager.host", "localhost");
        options.put("rest.address", "localhost");
        options.put("rest.bind-address", "localhost");
        options.put("rest.port", Integer.toString(restPort));
        options.put("blob.server.port", Integer.toString(FreePort.find()));
        options.put("jobmanager.memory.process.size", "1024m");
        // the job's decoders and mixers hold blocks, not media: 512 MB of heap carry a 3-hour analysis
        options.put("taskmanager.memory.process.size", "1600m");
        options.put("taskmanager.numberOfTaskSlots", Integer.toString(settings.slotsPerTaskManager()));
        // a job of parallelism 2 on 2 TaskManagers runs on both, so that losing either is a failover
        options.put("taskmanager.load-balance.mode", "SLOTS");
        // a TaskManager that dies without a word is noticed within seconds, not the default 50
        options.put("heartbeat.interval", "2000");
        options.put("heartbeat.timeout", "10000");
        options.put(
                "state.checkpoints.dir", workDir.resolve("checkpoints").toUri().toString());
        options.put("web.upload.dir", workDir.resolve("jars").toAbsolutePath().toString());
        options.put(
                "plugins.dir",
                settings.distribution().plugins().toAbsolutePath().toString());
        // what Flink's own config.yaml sets, the reflection that Flink's serializers and translators need on Java 17
        options.put("env.java.default-opts.all", String.join(" ", JAVA_17_OPENS));
        options.putAll(flinkOptions);
        return options;
    }

    private void startAll() throws Exception {
        Files.createDirectories(workDir.resolve("jars"));
        Path confDir = FlinkConfigFile.write(workDir.resolve("jobmanager/conf"), options);
        jobManager = FlinkProcess.start(
                Role.JOBMANAGER,
                settings.distribution(),
                confDir,
                javaOptions(options),
                environment,
                workDir.resolve("jobmanager/jobmanager.log"));
        await("the JobManager's REST API answers", () -> responds(jobManager));
        for (int index = 0; index < settings.taskManagers(); index++) {
            starts.add(0);
            taskManagers.add(startTaskManager(index));
        }
        await(
                settings.taskManagers() + " TaskManagers registered",
                () -> taskManagerIds().size() == settings.taskManagers());
    }

    private boolean responds(FlinkProcess process) {
        if (!process.isAlive()) {
            throw new IllegalStateException("a Flink process exited; its log:\n" + process.logTail());
        }
        try {
            rest.get("/config");
            return true;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private FlinkProcess startTaskManager(int index) throws IOException, InterruptedException {
        int generation = starts.get(index) + 1;
        starts.set(index, generation);
        String name = "taskmanager-" + (index + 1);
        Path dir = workDir.resolve(name);
        Map<String, String> own = new LinkedHashMap<>(options);
        // the generation in the id tells a restarted TaskManager from the one it replaces in the REST API
        own.put("taskmanager.resource-id", taskManagerId(index, generation));
        own.put(
                "io.tmp.dirs",
                Files.createDirectories(dir.resolve("tmp")).toAbsolutePath().toString());
        Path confDir = FlinkConfigFile.write(dir.resolve("conf"), own);
        return FlinkProcess.start(
                Role.TASKMANAGER,
                settings.distribution(),
                confDir,
                javaOptions(options),
                environment,
                dir.resolve(name + "-" + generation + ".log"));
    }

    private static String javaOptions(Map<String, String> options) {
        return options.getOrDefault("env.java.default-opts.all", "") + " "
                + options.getOrDefault("env.java.opts.all", "");
    }

    private static String taskManagerId(int index, int generation) {
        return "taskmanager-" + (index + 1) + "-" + generation;
    }

    /** The resource id TaskManager {@code index} (0-based) registers with now. */
    public String taskManagerId(int index) {
        return taskManagerId(index, starts.get(index));
    }

    /** Uploads {@code jar} and runs its entry class; returns once the job and all its tasks run. */
    public String submit(Path jar, String entryClass, List<String> args, int parallelism) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("job jar not found at " + jar + ": build with ./mvnw -DskipTests install");
        }
        String jobId = rest.runJar(rest.uploadJar(jar), entryClass, args, parallelism);
        await("job " + jobId + " running", () -> isRunning(jobId));
        return jobId;
    }

    /** Cancels the job and returns once it is CANCELED. */
    public void cancel(String jobId) throws Exception {
        rest.cancel(jobId);
        await("job " + jobId + " canceled", () -> state(jobId).equals("CANCELED"));
    }

    private String state(String jobId) {
        try {
            return rest.job(jobId).path("state").asText();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private boolean isRunning(String jobId) {
        try {
            return rest.isRunning(jobId);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public List<String> taskManagerIds() {
        try {
            return rest.taskManagerIds();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** The index of a TaskManager that runs tasks (a slot in use), for a kill that forces a failover. */
    public int busyTaskManager() throws IOException, InterruptedException {
        List<String> busy = rest.busyTaskManagerIds();
        for (int index = 0; index < taskManagers.size(); index++) {
            if (busy.contains(taskManagerId(index))) {
                return index;
            }
        }
        throw new IllegalStateException("no TaskManager has a slot in use: " + busy);
    }

    /** SIGKILL to TaskManager {@code index} (0-based). */
    public void killTaskManager(int index) throws InterruptedException {
        taskManagers.get(index).kill();
    }

    /** Starts TaskManager {@code index} again, under its next generation's id; returns at once. */
    public void restartTaskManager(int index) throws IOException, InterruptedException {
        taskManagers.set(index, startTaskManager(index));
    }

    public long taskManagerPid(int index) {
        return taskManagers.get(index).pid();
    }

    public FlinkRestClient rest() {
        return rest;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not done after " + START_TIMEOUT + ": " + what);
            }
            Thread.sleep(200);
        }
    }

    /** TaskManagers first, so that none restarts a job the JobManager is about to drop; then the JobManager. */
    @Override
    public void close() throws InterruptedException {
        for (FlinkProcess taskManager : taskManagers) {
            taskManager.close();
        }
        if (jobManager != null) {
            jobManager.close();
        }
    }
}
