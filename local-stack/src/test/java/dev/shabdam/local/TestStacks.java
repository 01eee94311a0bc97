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
}
