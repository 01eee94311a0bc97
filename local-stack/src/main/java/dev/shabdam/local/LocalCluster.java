package dev.shabdam.local;

import java.nio.file.Path;

/**
 * {@code ./shabdam cluster}: the local stack's Kafka, PostgreSQL, object store and gateway, with the
 * pipeline on a Flink cluster of separate processes (one JobManager, {@code SHABDAM_TASKMANAGERS}
 * TaskManagers of {@code SHABDAM_TASK_SLOTS} slots), the job jar submitted over REST.
 */
public final class LocalCluster {
    private LocalCluster() {}

    public static void main(String[] args) throws Exception {
        long begin = System.nanoTime();
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        ClusterSettings layout = ClusterSettings.fromEnvironment(System.getenv(), Path.of(""));
        ClusterPipeline pipeline = new ClusterPipeline(layout);
        LocalStack stack = LocalStack.start(settings, pipeline);
        System.out.printf(
                "Flink %s: 1 JobManager, TaskManagers %s (%d slots each), job %s%n",
                layout.distribution().home().toAbsolutePath(),
                pipeline.cluster().taskManagerIds(),
                layout.slotsPerTaskManager(),
                pipeline.jobId());
        LocalStack.serve(stack, settings, begin);
    }
}
