package dev.shabdam.local;

import dev.shabdam.pipeline.PipelineConfig;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the local stack is started with: {@link #fromEnvironment} for {@code ./shabdam up}, {@link #builder()}
 * for the demo, the benches and the tests, which set what they need and leave the rest at its default.
 */
public final class StackSettings {
    static final String DEFAULT_GATEWAY_JAR = "api-gateway/target/api-gateway-" + BuildVersion.VERSION + "-exec.jar";
    static final String DEFAULT_FLINK_PLUGINS = "local-stack/target/plugins";

    private final int gatewayPort;
    private final int flinkUiPort;
    private final Path gatewayJar;
    private final Path flinkPlugins;
    private final String apiKeys;
    private final boolean fileStorage;
    private final Optional<PostgresServer.JdbcTarget> externalDb;
    private final int parallelism;
    private final String modelsDir;
    private final Map<String, String> flinkOptions;
    private final Map<String, String> gatewayEnvironment;

    private StackSettings(Builder builder) {
        this.gatewayPort = builder.gatewayPort;
        this.flinkUiPort = builder.flinkUiPort;
        this.gatewayJar = builder.gatewayJar;
        this.flinkPlugins = builder.flinkPlugins;
        this.apiKeys = builder.apiKeys;
        this.fileStorage = builder.fileStorage;
        this.externalDb = builder.externalDb;
        this.parallelism = builder.parallelism;
        this.modelsDir = builder.modelsDir;
        this.flinkOptions = Map.copyOf(builder.flinkOptions);
        this.gatewayEnvironment = Map.copyOf(builder.gatewayEnvironment);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults, overridden by every SHABDAM_* setting {@code env} names. */
    public static StackSettings fromEnvironment(Map<String, String> env) {
        return builder().environment(env).build();
    }

    /** SHABDAM_PORT (8080). */
    public int gatewayPort() {
        return gatewayPort;
    }

    /** SHABDAM_FLINK_UI_PORT (8081); 0 picks a free port at start. */
    public int flinkUiPort() {
        return flinkUiPort;
    }

    /** SHABDAM_GATEWAY_JAR (the jar the build makes). */
    public Path gatewayJar() {
        return gatewayJar;
    }

    /** SHABDAM_FLINK_PLUGINS_DIR (the plugins folder the build makes: Flink's S3 filesystem). */
    public Path flinkPlugins() {
        return flinkPlugins;
    }

    /** SHABDAM_API_KEYS ({@code tenant:key,…}); by default one development key, made up now. */
    public String apiKeys() {
        return apiKeys;
    }

    /** SHABDAM_LOCAL_STORAGE=file keeps media in a folder instead of the embedded S3 server. */
    public boolean fileStorage() {
        return fileStorage;
    }

    /** SHABDAM_JDBC_URL (+ _USER, _PASSWORD): use that PostgreSQL instead of the embedded one. */
    public Optional<PostgresServer.JdbcTarget> externalDb() {
        return externalDb;
    }

    /** SHABDAM_PARALLELISM (2). */
    public int parallelism() {
        return parallelism;
    }

    /** SHABDAM_MODELS_DIR (models/cache, where models/fetch puts them). */
    public String modelsDir() {
        return modelsDir;
    }

    /** Extra Flink configuration, for tests (e.g. the restart strategy). */
    public Map<String, String> flinkOptions() {
        return flinkOptions;
    }

    /** Extra environment of the gateway process, for tests (e.g. small upload limits). */
    public Map<String, String> gatewayEnvironment() {
        return gatewayEnvironment;
    }

    /** The key of the first tenant, the one {@code READY} prints. */
    public String firstApiKey() {
        String first = apiKeys.split(",")[0];
        return first.substring(first.indexOf(':') + 1);
    }

    /** A development API key nobody can guess. */
    public static String randomKey() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return "sk-dev-" + HexFormat.of().formatHex(bytes);
    }

    /** Starts from the defaults of {@code ./shabdam up}; each setter replaces one of them. */
    public static final class Builder {
        private int gatewayPort = 8080;
        private int flinkUiPort = 8081;
        private Path gatewayJar = Path.of(DEFAULT_GATEWAY_JAR);
        private Path flinkPlugins = Path.of(DEFAULT_FLINK_PLUGINS);
        private String apiKeys = "dev:" + randomKey();
        private boolean fileStorage;
        private Optional<PostgresServer.JdbcTarget> externalDb = Optional.empty();
        private int parallelism = PipelineConfig.DEFAULT_PARALLELISM;
        private String modelsDir = PipelineConfig.DEFAULT_MODELS_DIR;
        private Map<String, String> flinkOptions = Map.of();
        private Map<String, String> gatewayEnvironment = Map.of();

        private Builder() {}

        /**
         * Takes every SHABDAM_* setting that {@code env} names and keeps the rest: set before, a value is a
         * default the environment may override (a demo's free ports); set after, it wins.
         */
        public Builder environment(Map<String, String> env) {
            gatewayPort = Integer.parseInt(env.getOrDefault("SHABDAM_PORT", Integer.toString(gatewayPort)));
            flinkUiPort = Integer.parseInt(env.getOrDefault("SHABDAM_FLINK_UI_PORT", Integer.toString(flinkUiPort)));
            gatewayJar = Optional.ofNullable(env.get("SHABDAM_GATEWAY_JAR"))
                    .map(Path::of)
                    .orElse(gatewayJar);
            flinkPlugins = Optional.ofNullable(env.get("SHABDAM_FLINK_PLUGINS_DIR"))
                    .map(Path::of)
                    .orElse(flinkPlugins);
            apiKeys = env.getOrDefault("SHABDAM_API_KEYS", apiKeys);
            if (env.containsKey("SHABDAM_LOCAL_STORAGE")) {
                fileStorage = "file".equalsIgnoreCase(env.get("SHABDAM_LOCAL_STORAGE"));
            }
            externalDb = Optional.ofNullable(env.get("SHABDAM_JDBC_URL"))
                    .map(url -> new PostgresServer.JdbcTarget(
                            url,
                            env.getOrDefault("SHABDAM_JDBC_USER", "postgres"),
                            env.getOrDefault("SHABDAM_JDBC_PASSWORD", "")))
                    .or(() -> externalDb);
            parallelism = Integer.parseInt(env.getOrDefault("SHABDAM_PARALLELISM", Integer.toString(parallelism)));
            modelsDir = env.getOrDefault("SHABDAM_MODELS_DIR", modelsDir);
            return this;
        }

        public Builder gatewayPort(int port) {
            this.gatewayPort = port;
            return this;
        }

        public Builder flinkUiPort(int port) {
            this.flinkUiPort = port;
            return this;
        }

        public Builder gatewayJar(Path jar) {
            this.gatewayJar = Objects.requireNonNull(jar);
            return this;
        }

        public Builder flinkPlugins(Path folder) {
            this.flinkPlugins = Objects.requireNonNull(folder);
            return this;
        }

        public Builder apiKeys(String keys) {
            this.apiKeys = Objects.requireNonNull(keys);
            return this;
        }

        public Builder fileStorage(boolean inFolder) {
            this.fileStorage = inFolder;
            return this;
        }

        public Builder parallelism(int parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        public Builder modelsDir(String folder) {
            this.modelsDir = Objects.requireNonNull(folder);
            return this;
        }

        public Builder flinkOptions(Map<String, String> options) {
            this.flinkOptions = Objects.requireNonNull(options);
            return this;
        }

        public Builder gatewayEnvironment(Map<String, String> environment) {
            this.gatewayEnvironment = Objects.requireNonNull(environment);
            return this;
        }

        public StackSettings build() {
            return new StackSettings(this);
        }
    }
}
