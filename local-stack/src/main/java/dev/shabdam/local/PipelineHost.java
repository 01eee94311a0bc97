package dev.shabdam.local;

import dev.shabdam.pipeline.PipelineConfig;

import java.nio.file.Path;
import java.util.Map;

/** Where the stack runs the pipeline job: a MiniCluster in this process, or a cluster of Flink processes. */
@FunctionalInterface
public interface PipelineHost {
    /**
     * Starts the job and returns once it runs; closing what it returns stops it.
     *
     * @param flinkOptions Flink configuration on top of the job's own (the S3 filesystem)
     * @param restPort     Flink's REST API and web UI, which the gateway's readiness reads
     * @param workDir      a folder of the stack's for checkpoints and logs
     */
    AutoCloseable start(PipelineConfig config, Map<String, String> flinkOptions, int restPort, Path workDir)
            throws Exception;
}
