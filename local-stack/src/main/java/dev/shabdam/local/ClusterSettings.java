package dev.shabdam.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * The process layout of {@code ./shabdam cluster}: how many TaskManagers, how many slots each, which Flink
 * distribution starts them and which job jar they run.
 *
 * @param taskManagers      TaskManager processes ({@code SHABDAM_TASKMANAGERS}, 2)
 * @param slotsPerTaskManager {@code taskmanager.numberOfTaskSlots} ({@code SHABDAM_TASK_SLOTS}, 2)
 * @param distribution      {@code FLINK_HOME}, else the build's {@code flink-cluster/target/flink}
 * @param jobJar            the shaded job jar ({@code SHABDAM_JOB_JAR}, the build's {@code pipeline-job-*-flink.jar})
 */
public record ClusterSettings(int taskManagers, int slotsPerTaskManager, FlinkDistribution distribution, Path jobJar) {
    static final String BUILT_JOB_JAR = "pipeline-job/target/pipeline-job-" + BuildVersion.VERSION + "-flink.jar";

    public ClusterSettings {
        if (taskManagers < 1 || slotsPerTaskManager < 1) {
            throw new IllegalArgumentException("a cluster needs at least one TaskManager with one slot, not "
                    + taskManagers + " × " + slotsPerTaskManager);
        }
    }

    /** The settings {@code env} names; paths of the build are relative to {@code root}, the repository. */
    public static ClusterSettings fromEnvironment(Map<String, String> env, Path root) {
        return new ClusterSettings(
                Integer.parseInt(env.getOrDefault("SHABDAM_TASKMANAGERS", "2")),
                Integer.parseInt(env.getOrDefault("SHABDAM_TASK_SLOTS", "2")),
                FlinkDistribution.fromEnvironment(env, root.resolve(FlinkDistribution.BUILT)),
                Path.of(env.getOrDefault(
                        "SHABDAM_JOB_JAR", root.resolve(BUILT_JOB_JAR).toString())));
    }
}
