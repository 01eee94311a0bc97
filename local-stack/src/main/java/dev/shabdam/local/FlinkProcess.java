package dev.shabdam.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One JVM of a Flink cluster, started from Flink's own entrypoint with a configuration folder of its own,
 * the way {@code bin/jobmanager.sh} and {@code bin/taskmanager.sh} start it: the memory flags come from
 * Flink's {@code BashJavaUtils}, which reads the same {@code config.yaml}.
 */
final class FlinkProcess implements AutoCloseable {
    private static final String EXEC_RESULT = "BASH_JAVA_UTILS_EXEC_RESULT:";

    /** What a process is: its entrypoint and the BashJavaUtils command that sizes its memory. */
    enum Role {
        JOBMANAGER("org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", "GET_JM_RESOURCE_PARAMS"),
        TASKMANAGER("org.apache.flink.runtime.taskexecutor.TaskManagerRunner", "GET_TM_RESOURCE_PARAMS");

        private final String entrypoint;
        private final String resourceCommand;

        Role(String entrypoint, String resourceCommand) {
            this.entrypoint = entrypoint;
            this.resourceCommand = resourceCommand;
        }
    }

    private final Process process;
    private final Path log;

    private FlinkProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code role} on {@code distribution}'s lib/ with the configuration in {@code confDir} and the
     * JVM options {@code env.java.default-opts.all} and {@code env.java.opts.all} of that configuration.
     */
    static FlinkProcess start(
            Role role,
            FlinkDistribution distribution,
            Path confDir,
            String javaOptions,
            Map<String, String> environment,
            Path log)
            throws IOException, InterruptedException {
        List<String> resources = resourceParams(role, distribution, confDir);
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(split(resources.get(0)));
        command.addAll(split(javaOptions));
        command.add("-Dlog.file=" + log.toAbsolutePath());
        command.add("-Dlog4j.configurationFile="
                + confDir.resolve("log4j.properties").toUri());
        command.add("-classpath");
        command.add(distribution.classpath());
        command.add(role.entrypoint);
        command.add("--configDir");
        command.add(confDir.toAbsolutePath().toString());
        if (resources.size() > 1) {
            command.addAll(split(resources.get(1)));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        log.resolveSibling(log.getFileName() + ".out").toFile()));
        builder.environment().putAll(environment);
        // where Flink looks for plugins (the S3 filesystem): bin/config.sh sets the same variable
        builder.environment()
                .put(
                        "FLINK_PLUGINS_DIR",
                        distribution.plugins().toAbsolutePath().toString());
        Process process = builder.start();
        return new FlinkProcess(process, log);
    }

    /**
     * The JVM flags (heap, direct memory, metaspace) and the dynamic properties that pin each memory pool,
     * as {@code bin/config.sh} obtains them: Flink computes both from {@code config.yaml}.
     */
    private static List<String> resourceParams(Role role, FlinkDistribution distribution, Path confDir)
            throws IOException, InterruptedException {
        Process utils = new ProcessBuilder(
                        java(),
                        "-classpath",
                        distribution.classpath(),
                        "org.apache.flink.runtime.util.bash.BashJavaUtils",
                        role.resourceCommand,
                        "--configDir",
                        confDir.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(utils.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (utils.waitFor() != 0) {
            throw new IllegalStateException("Flink's BashJavaUtils " + role.resourceCommand + " failed: " + output);
        }
        List<String> results = output.lines()
                .filter(line -> line.startsWith(EXEC_RESULT))
                .map(line -> line.substring(EXEC_RESULT.length()))
                .toList();
        if (results.isEmpty()) {
            throw new IllegalStateException("Flink's BashJavaUtils printed no resource parameters: " + output);
        }
        return results;
    }

    private static List<String> split(String flags) {
        return Arrays.stream(flags.trim().split("\\s+"))
                .filter(flag -> !flag.isEmpty())
                .toList();
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** SIGKILL: the process gets no chance to say goodbye, as when a machine dies. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, Flink's own shutdown; a process that hangs is killed. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** The last lines of its log, for an error message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
