package dev.shabdam.local;

import dev.shabdam.pipeline.PipelineConfig;
import dev.shabdam.pipeline.VoicePipelineJob;
import dev.shabdam.pipeline.media.MediaProbe;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.plugin.DefaultPluginManager;
import org.apache.flink.core.plugin.DirectoryBasedPluginFinder;
import org.apache.flink.core.plugin.PluginConfig;
import org.apache.flink.core.plugin.PluginManager;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The Flink job on a local MiniCluster in this process, with Flink's web UI. */
public final class PipelineRunner implements AutoCloseable {
    private final JobClient client;

    private PipelineRunner(JobClient client) {
        this.client = client;
    }

    /** The job on a MiniCluster in this process, with {@code pluginsDir} as Flink's plugins folder. */
    public static PipelineHost miniCluster(MediaProbe probe, Path pluginsDir) {
        return (config, flinkOptions, webUiPort, workDir) ->
                start(config, probe, flinkOptions, webUiPort, workDir.resolve("checkpoints"), pluginsDir);
    }

    /**
     * Submits the job and returns once it is RUNNING.
     *
     * @param flinkOptions Flink configuration on top of the job's own (the S3 filesystem)
     * @param webUiPort    port of Flink's web UI, 0 for any free port
     * @param pluginsDir   Flink plugins folder (the S3 filesystem), as {@code plugins/} of a Flink distribution
     */
    public static PipelineRunner start(
            PipelineConfig config,
            MediaProbe probe,
            Map<String, String> flinkOptions,
            int webUiPort,
            Path checkpoints,
            Path pluginsDir)
            throws Exception {
        Configuration configuration = VoicePipelineJob.configuration(config);
        configuration.addAll(Configuration.fromMap(flinkOptions));
        configuration.set(RestOptions.PORT, webUiPort);
        configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, Math.max(1, config.parallelism()));
        configuration.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        // the MiniCluster does not set up file systems itself: the S3 scheme must be known, with its
        // endpoint, in this JVM before the job's operators open files. The plugin's Hadoop S3A still
        // builds an AWS SDK v1 credentials chain, whose end-of-support notice is a stack trace in the log.
        System.setProperty("aws.java.v1.disableDeprecationAnnouncement", "true");
        FileSystem.initialize(configuration, plugins(pluginsDir, configuration));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(configuration);
        VoicePipelineJob.fromConfig(config, probe).build(env);
        JobClient client = env.executeAsync("shabdam-pipeline");
        awaitRunning(client, Duration.ofSeconds(60));
        return new PipelineRunner(client);
    }

    private static PluginManager plugins(Path pluginsDir, Configuration configuration) throws IOException {
        if (!Files.isDirectory(pluginsDir)) {
            throw new IllegalStateException(
                    "Flink plugins folder not found at " + pluginsDir + ": build with ./mvnw -DskipTests install");
        }
        return new DefaultPluginManager(
                new DirectoryBasedPluginFinder(pluginsDir).findPlugins(),
                PluginConfig.fromConfiguration(configuration).getAlwaysParentFirstPatterns());
    }

    private static void awaitRunning(JobClient client, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JobStatus status = client.getJobStatus().get();
            if (status == JobStatus.RUNNING) {
                return;
            }
            if (status.isGloballyTerminalState()) {
                throw new IllegalStateException("the pipeline job ended at start: " + status);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the pipeline job is not running after " + timeout);
    }

    @Override
    public void close() throws Exception {
        if (!client.getJobStatus().get().isGloballyTerminalState()) {
            client.cancel().get(30, TimeUnit.SECONDS);
        }
    }
}
