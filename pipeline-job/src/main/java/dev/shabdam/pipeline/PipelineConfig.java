package dev.shabdam.pipeline;

import dev.shabdam.pipeline.jobs.JobLimits;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the job's connectors point. Each setting comes from a command-line flag
 * ({@code --kafka-bootstrap host:9092}) or else from its environment variable
 * ({@code SHABDAM_KAFKA_BOOTSTRAP}), so the same jar runs under {@code flink run} and in a container.
 *
 * @param storageUri root of object storage, e.g. {@code s3://shabdam} or {@code file:///var/shabdam}
 * @param limits     what one job may take ({@code --max-media-seconds}, {@code --job-timeout-seconds})
 */
public record PipelineConfig(
        String kafkaBootstrap,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        String storageUri,
        long checkpointIntervalMs,
        int parallelism,
        String modelsDir,
        JobLimits limits) {

    public static final long DEFAULT_CHECKPOINT_INTERVAL_MS = 1000;
    public static final int DEFAULT_PARALLELISM = 1;
    /** Where models/fetch puts model files, relative to the working directory. */
    public static final String DEFAULT_MODELS_DIR = "models/cache";

    public static PipelineConfig fromArgs(String[] args) {
        return fromArgs(args, System::getenv);
    }

    /** As {@link #fromArgs(String[])}, reading environment variables through {@code env}. */
    public static PipelineConfig fromArgs(String[] args, Function<String, String> env) {
        Settings settings = new Settings(flags(args), env);
        return new PipelineConfig(
                settings.required("kafka-bootstrap"),
                settings.required("jdbc-url"),
                settings.optional("jdbc-user"),
                settings.optional("jdbc-password"),
                settings.required("storage-uri"),
                settings.number("checkpoint-interval-ms", DEFAULT_CHECKPOINT_INTERVAL_MS),
                (int) settings.number("parallelism", DEFAULT_PARALLELISM),
                Objects.requireNonNullElse(settings.optional("models-dir"), DEFAULT_MODELS_DIR),
                new JobLimits(settings.number("max-media-seconds", (long) JobLimits.DEFAULT_MAX_MEDIA_SECONDS),
                        Duration.ofSeconds(settings.number("job-timeout-seconds", JobLimits.DEFAULT_JOB_TIMEOUT.toSeconds()))));
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + String.join(" ", args));
            }
            flags.put(args[i].substring(2), args[i + 1]);
        }
        return flags;
    }

    /** A flag {@code --jdbc-url} falls back to the variable {@code SHABDAM_JDBC_URL}. */
    private record Settings(Map<String, String> flags, Function<String, String> env) {
        String optional(String flag) {
            String value = flags.get(flag);
            return value != null ? value : env.apply(variable(flag));
        }

        String required(String flag) {
            String value = optional(flag);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("missing setting: pass --" + flag + " or set " + variable(flag));
            }
            return value;
        }

        long number(String flag, long fallback) {
            String value = optional(flag);
            try {
                return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + flag + " (" + variable(flag) + ") is not a number: " + value);
            }
        }

        private static String variable(String flag) {
            return "SHABDAM_" + flag.replace('-', '_').toUpperCase(Locale.ROOT);
        }
    }
}
