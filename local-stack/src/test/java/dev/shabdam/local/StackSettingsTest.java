package dev.shabdam.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StackSettingsTest {

    @Test
    void withoutEnvironmentTheDefaultsOfUpHold() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of());

        assertThat(settings.gatewayPort()).isEqualTo(8080);
        assertThat(settings.flinkUiPort()).isEqualTo(8081);
        assertThat(settings.flinkPlugins()).isEqualTo(Path.of("local-stack/target/plugins"));
        assertThat(settings.apiKeys()).matches("dev:sk-dev-[0-9a-f]{36}");
        assertThat(settings.firstApiKey()).isEqualTo(settings.apiKeys().substring("dev:".length()));
        assertThat(settings.fileStorage()).isFalse();
        assertThat(settings.externalDb()).isEmpty();
        assertThat(settings.parallelism()).isEqualTo(2);
        assertThat(settings.modelsDir()).isEqualTo("models/cache");
        assertThat(settings.flinkOptions()).isEmpty();
        assertThat(settings.gatewayEnvironment()).isEmpty();
    }

    @Test
    void theDefaultGatewayJarIsTheOneThisBuildMakes() {
        // the pom hands the tests the jar of ${project.version}; the stack's default must name the same file
        Path built = Path.of(System.getProperty("shabdam.gateway.jar"));

        assertThat(StackSettings.fromEnvironment(Map.of()).gatewayJar())
                .isEqualTo(Path.of("api-gateway/target").resolve(built.getFileName()));
    }

    @Test
    void everyNamedVariableIsRead() {
        StackSettings settings = StackSettings.fromEnvironment(Map.ofEntries(
                Map.entry("SHABDAM_PORT", "9090"),
                Map.entry("SHABDAM_FLINK_UI_PORT", "9091"),
                Map.entry("SHABDAM_GATEWAY_JAR", "/opt/gateway.jar"),
                Map.entry("SHABDAM_FLINK_PLUGINS_DIR", "/opt/plugins"),
                Map.entry("SHABDAM_API_KEYS", "a:key-a,b:key-b"),
                Map.entry("SHABDAM_LOCAL_STORAGE", "FILE"),
                Map.entry("SHABDAM_JDBC_URL", "jdbc:postgresql://db/shabdam"),
                Map.entry("SHABDAM_JDBC_USER", "app"),
                Map.entry("SHABDAM_PARALLELISM", "4"),
                Map.entry("SHABDAM_MODELS_DIR", "/models")));

        assertThat(settings.gatewayPort()).isEqualTo(9090);
        assertThat(settings.flinkUiPort()).isEqualTo(9091);
        assertThat(settings.gatewayJar()).isEqualTo(Path.of("/opt/gateway.jar"));
        assertThat(settings.flinkPlugins()).isEqualTo(Path.of("/opt/plugins"));
        assertThat(settings.firstApiKey()).isEqualTo("key-a");
        assertThat(settings.fileStorage()).isTrue();
        assertThat(settings.externalDb())
                .contains(new PostgresServer.JdbcTarget("jdbc:postgresql://db/shabdam", "app", ""));
        assertThat(settings.parallelism()).isEqualTo(4);
        assertThat(settings.modelsDir()).isEqualTo("/models");
    }

    @Test
    void theEnvironmentOverridesWhatWasSetBeforeItAndNotWhatIsSetAfter() {
        StackSettings demo = StackSettings.builder()
                .gatewayPort(12345)
                .flinkUiPort(12346)
                .environment(Map.of("SHABDAM_PORT", "9090"))
                .parallelism(1)
                .build();

        assertThat(demo.gatewayPort()).isEqualTo(9090);
        assertThat(demo.flinkUiPort()).isEqualTo(12346);
        assertThat(StackSettings.builder()
                        .environment(Map.of("SHABDAM_PARALLELISM", "4"))
                        .parallelism(1)
                        .build()
                        .parallelism())
                .isEqualTo(1);
    }
}
