package dev.shabdam.local;

import dev.shabdam.pipeline.PipelineConfig;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * What the local stack is started with, read from the environment by {@code ./shabdam up}.
 *
 * @param gatewayPort  SHABDAM_PORT (8080)
 * @param flinkUiPort  SHABDAM_FLINK_UI_PORT (8081)
 * @param gatewayJar   SHABDAM_GATEWAY_JAR (the jar the build makes)
 * @param flinkPlugins SHABDAM_FLINK_PLUGINS_DIR (the plugins folder the build makes: Flink's S3 filesystem)
 * @param apiKeys      SHABDAM_API_KEYS ({@code tenant:key,…}); by default one development key, made up now
 * @param fileStorage  SHABDAM_LOCAL_STORAGE=file keeps media in a folder instead of the embedded S3 server
 * @param externalDb   SHABDAM_JDBC_URL (+ _USER, _PASSWORD): use that PostgreSQL instead of the embedded one
 * @param parallelism  SHABDAM_PARALLELISM (2)
 * @param modelsDir    SHABDAM_MODELS_DIR (models/cache, where models/fetch puts them)
 * @param flinkOptions extra Flink configuration, for tests (e.g. the restart strategy)
 * @param gatewayEnvironment extra environment of the gateway process, for tests (e.g. small upload limits)
 */
public record StackSettings(
        int gatewayPort,
        int flinkUiPort,
        Path gatewayJar,
        Path flinkPlugins,
        String apiKeys,
        boolean fileStorage,
        Optional<PostgresServer.JdbcTarget> externalDb,
        int parallelism,
        String modelsDir,
        Map<String, String> flinkOptions,
        Map<String, String> gatewayEnvironment) {

    static final String DEFAULT_GATEWAY_JAR = "api-gateway/target/api-gateway-0.1.0-SNAPSHOT-exec.jar";
    static final String DEFAULT_FLINK_PLUGINS = "local-stack/target/plugins";

    public static StackSettings fromEnvironment(Map<String, String> env) {
        Optional<PostgresServer.JdbcTarget> db = Optional.ofNullable(env.get("SHABDAM_JDBC_URL"))
                .map(url -> new PostgresServer.JdbcTarget(url,
                        env.getOrDefault("SHABDAM_JDBC_USER", "postgres"),
                        env.getOrDefault("SHABDAM_JDBC_PASSWORD", "")));
        return new StackSettings(
                Integer.parseInt(env.getOrDefault("SHABDAM_PORT", "8080")),
                Integer.parseInt(env.getOrDefault("SHABDAM_FLINK_UI_PORT", "8081")),
                Path.of(env.getOrDefault("SHABDAM_GATEWAY_JAR", DEFAULT_GATEWAY_JAR)),
                Path.of(env.getOrDefault("SHABDAM_FLINK_PLUGINS_DIR", DEFAULT_FLINK_PLUGINS)),
                env.getOrDefault("SHABDAM_API_KEYS", "dev:" + randomKey()),
                "file".equalsIgnoreCase(env.get("SHABDAM_LOCAL_STORAGE")),
                db,
                Integer.parseInt(env.getOrDefault("SHABDAM_PARALLELISM", Integer.toString(PipelineConfig.DEFAULT_PARALLELISM))),
                env.getOrDefault("SHABDAM_MODELS_DIR", PipelineConfig.DEFAULT_MODELS_DIR),
                Map.of(),
                Map.of());
    }

    /** The key of the first tenant, the one {@code READY} prints. */
    public String firstApiKey() {
        String first = apiKeys.split(",")[0];
        return first.substring(first.indexOf(':') + 1);
    }

    static String randomKey() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return "sk-dev-" + HexFormat.of().formatHex(bytes);
    }
}
