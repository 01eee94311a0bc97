package dev.shabdam.local;

import dev.shabdam.pipeline.PipelineConfig;
import dev.shabdam.pipeline.PipelineSetting;
import dev.shabdam.pipeline.VoicePipelineJob;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pipeline on a {@link FlinkCluster} of its own: the job jar uploaded and run over the JobManager's
 * REST API with the job's command-line flags, the database password in the JobManager's environment
 * (Flink's web UI shows program arguments; the job's main reads the rest from the environment).
 */
public final class ClusterPipeline implements PipelineHost {
    private final ClusterSettings settings;
    private FlinkCluster cluster;
    private PipelineConfig config;
    private String jobId;

    public ClusterPipeline(ClusterSettings settings) {
        this.settings = settings;
    }

    @Override
    public AutoCloseable start(PipelineConfig config, Map<String, String> flinkOptions, int restPort, Path workDir)
            throws Exception {
        Map<String, String> secrets =
                config.jdbcPassword() == null ? Map.of() : Map.of("SHABDAM_JDBC_PASSWORD", config.jdbcPassword());
        this.config = config;
        cluster = FlinkCluster.start(settings, flinkOptions, restPort, secrets, workDir.resolve("flink"));
        try {
            submit();
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void submit() throws Exception {
        jobId = cluster.submit(
                settings.jobJar(), VoicePipelineJob.class.getName(), arguments(config), config.parallelism());
    }

    /**
     * Cancels the job and submits the jar again, as an upgrade does: the same TaskManagers run the new
     * tasks in a new user-code class loader, which loads the native libraries again.
     */
    public void resubmit() throws Exception {
        cluster.cancel(jobId);
        submit();
    }

    /** The job's flags for {@code config}, without its password; paths absolute, as the processes' folders differ. */
    static List<String> arguments(PipelineConfig config) {
        List<String> args = new ArrayList<>();
        add(args, PipelineSetting.KAFKA_BOOTSTRAP, config.kafkaBootstrap());
        add(args, PipelineSetting.JDBC_URL, config.jdbcUrl());
        add(args, PipelineSetting.JDBC_USER, config.jdbcUser());
        add(args, PipelineSetting.STORAGE_URI, config.storageUri());
        add(args, PipelineSetting.CHECKPOINT_INTERVAL_MS, Long.toString(config.checkpointIntervalMs()));
        add(args, PipelineSetting.PARALLELISM, Integer.toString(config.parallelism()));
        add(
                args,
                PipelineSetting.MODELS_DIR,
                Path.of(config.modelsDir()).toAbsolutePath().toString());
        add(args, PipelineSetting.MAX_MEDIA_SECONDS, Long.toString((long)
                config.limits().maxMediaSeconds()));
        add(
                args,
                PipelineSetting.JOB_TIMEOUT_SECONDS,
                Long.toString(config.limits().jobTimeout().toSeconds()));
        return args;
    }

    private static void add(List<String> args, PipelineSetting setting, String value) {
        if (value != null) {
            args.add(setting.flag());
            args.add(value);
        }
    }

    /** The cluster once started: its processes, for an operator's (or a test's) hands. */
    public FlinkCluster cluster() {
        return cluster;
    }

    /** The pipeline's job id on that cluster. */
    public String jobId() {
        return jobId;
    }
}
