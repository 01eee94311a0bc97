package dev.shabdam.local;

import java.nio.file.Path;

/** Settings of a stack under test, before what each test adds: the shared stack's and the own-stack tests'. */
final class TestStacks {
    private TestStacks() {}

    /** A free gateway port, any Flink UI port, the gateway jar and Flink plugins this build made, no models. */
    static StackSettings.Builder settings() {
        return StackSettings.builder()
                .gatewayPort(FreePort.find())
                .flinkUiPort(0)
                .gatewayJar(
                        Path.of(System.getProperty("shabdam.gateway.jar", "../" + StackSettings.DEFAULT_GATEWAY_JAR)))
                .flinkPlugins(Path.of(System.getProperty("shabdam.flink.plugins", "target/plugins")))
                // no models installed: these tests expect the engines every machine has (espeak-ng, mfcc-stats)
                .modelsDir("target/no-models");
    }

    /** A pipeline on a Flink cluster of its own: the Flink and the job jar this build made, or FLINK_HOME's Flink. */
    static ClusterPipeline cluster(int taskManagers, int slotsEach) {
        return new ClusterPipeline(new ClusterSettings(
                taskManagers,
                slotsEach,
                FlinkDistribution.fromEnvironment(System.getenv(), Path.of("../" + FlinkDistribution.BUILT)),
                Path.of("../" + ClusterSettings.BUILT_JOB_JAR)));
    }

    /** Closes {@code stack} if it started: an {@code @AfterAll} after a {@code @BeforeAll} that may have skipped. */
    static void stop(LocalStack stack) {
        if (stack != null) {
            stack.close();
        }
    }
}
