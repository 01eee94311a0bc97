package dev.shabdam.pipeline;

import dev.shabdam.pipeline.dubbing.translation.TranslatorSettings;
import dev.shabdam.pipeline.jobs.JobLimits;
import dev.shabdam.pipeline.watermark.WatermarkKey;
import dev.shabdam.pipeline.watermark.WatermarkSettings;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.shabdam.pipeline.PipelineSetting.CHECKPOINT_INTERVAL_MS;
import static dev.shabdam.pipeline.PipelineSetting.JDBC_PASSWORD;
import static dev.shabdam.pipeline.PipelineSetting.JDBC_URL;
import static dev.shabdam.pipeline.PipelineSetting.JDBC_USER;
import static dev.shabdam.pipeline.PipelineSetting.JOB_TIMEOUT_SECONDS;
import static dev.shabdam.pipeline.PipelineSetting.KAFKA_BOOTSTRAP;
import static dev.shabdam.pipeline.PipelineSetting.MAX_MEDIA_SECONDS;
import static dev.shabdam.pipeline.PipelineSetting.MODELS_DIR;
import static dev.shabdam.pipeline.PipelineSetting.PARALLELISM;
import static dev.shabdam.pipeline.PipelineSetting.STORAGE_URI;
import static dev.shabdam.pipeline.PipelineSetting.TRANSLATE_API_KEY;
import static dev.shabdam.pipeline.PipelineSetting.TRANSLATE_BATCH;
import static dev.shabdam.pipeline.PipelineSetting.TRANSLATE_ENGINE;
import static dev.shabdam.pipeline.PipelineSetting.TRANSLATE_MODEL;
import static dev.shabdam.pipeline.PipelineSetting.TRANSLATE_URL;
import static dev.shabdam.pipeline.PipelineSetting.WATERMARK_KEY;
import static dev.shabdam.pipeline.PipelineSetting.WATERMARK_OFF_TENANTS;

/**
 * Everything the pipeline job is configured with, and the only place that reads its configuration:
 * each {@link PipelineSetting} from its command-line flag ({@code --kafka-bootstrap host:9092}) or else
 * from its environment variable ({@code SHABDAM_KAFKA_BOOTSTRAP}), so the same jar runs under
 * {@code flink run} and in a container. The local stack, which knows its own connectors, uses the
 * {@link #builder()}.
 *
 * @param storageUri  root of object storage, e.g. {@code s3://shabdam} or {@code file:///var/shabdam}
 * @param limits      what one job may take ({@code --max-media-seconds}, {@code --job-timeout-seconds})
 * @param translation machine translation for dubs that upload none; null where none is configured
 * @param watermarking the key of the mark on every output, and the tenants configured without it
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
        JobLimits limits,
        TranslatorSettings translation,
        WatermarkSettings watermarking) {

    public static final long DEFAULT_CHECKPOINT_INTERVAL_MS = 1000;
    /**
     * Two, as every deployment runs it (the local stack, compose, the Kubernetes ConfigMap): the 2-core
     * machines it is sized for, and the dub benchmark's "4 jobs at parallelism 2 against 1". A job
     * started bare with 1 would keep a second slot idle and one long dub line in front of the next.
     */
    public static final int DEFAULT_PARALLELISM = 2;
    /** Where models/fetch puts model files, relative to the working directory. */
    public static final String DEFAULT_MODELS_DIR = "models/cache";

    public static PipelineConfig fromArgs(String[] args) {
        return fromArgs(args, System::getenv);
    }

    /** As {@link #fromArgs(String[])}, reading environment variables through {@code env}. */
    public static PipelineConfig fromArgs(String[] args, Function<String, String> env) {
        SettingSources settings = new SettingSources(flags(args), env);
        return builder()
                .withKafkaBootstrap(settings.required(KAFKA_BOOTSTRAP))
                .withJdbc(settings.required(JDBC_URL), settings.optional(JDBC_USER), settings.optional(JDBC_PASSWORD))
                .withStorageUri(settings.required(STORAGE_URI))
                .withCheckpointIntervalMs(settings.number(CHECKPOINT_INTERVAL_MS, DEFAULT_CHECKPOINT_INTERVAL_MS))
                .withParallelism((int) settings.number(PARALLELISM, DEFAULT_PARALLELISM))
                .withModelsDir(Objects.requireNonNullElse(settings.optional(MODELS_DIR), DEFAULT_MODELS_DIR))
                .withLimits(new JobLimits(
                        settings.number(MAX_MEDIA_SECONDS, (long) JobLimits.DEFAULT_MAX_MEDIA_SECONDS),
                        Duration.ofSeconds(
                                settings.number(JOB_TIMEOUT_SECONDS, JobLimits.DEFAULT_JOB_TIMEOUT.toSeconds()))))
                .withTranslation(translation(env).orElse(null))
                .withWatermarking(watermarking(env))
                .build();
    }

    /**
     * The machine translation the environment configures ({@code SHABDAM_TRANSLATE_*}); empty where
     * {@code SHABDAM_TRANSLATE_ENGINE} is not set: the job then translates nothing. A variable set to
     * blanks counts as unset, as compose files write {@code NAME=} for "none".
     */
    public static Optional<TranslatorSettings> translation(Function<String, String> env) {
        Function<PipelineSetting, String> given = setting -> {
            String value = env.apply(setting.variable());
            return value == null || value.isBlank() ? null : value.strip();
        };
        String engine = given.apply(TRANSLATE_ENGINE);
        if (engine == null) {
            return Optional.empty();
        }
        String batch = given.apply(TRANSLATE_BATCH);
        return Optional.of(TranslatorSettings.withDefaults(
                engine,
                given.apply(TRANSLATE_URL),
                given.apply(TRANSLATE_API_KEY),
                given.apply(TRANSLATE_MODEL),
                batch == null ? null : wholeNumber(batch)));
    }

    /**
     * The watermark the environment configures: {@code SHABDAM_WATERMARK_KEY} (the development key where
     * unset or blank) and {@code SHABDAM_WATERMARK_OFF_TENANTS} (comma-separated; none where unset).
     */
    public static WatermarkSettings watermarking(Function<String, String> env) {
        String key = env.apply(WATERMARK_KEY.variable());
        String off = env.apply(WATERMARK_OFF_TENANTS.variable());
        return new WatermarkSettings(
                new WatermarkKey(key == null || key.isBlank() ? WatermarkKey.DEVELOPMENT : key),
                off == null
                        ? Set.of()
                        : Arrays.stream(off.split(","))
                                .map(String::strip)
                                .filter(tenant -> !tenant.isEmpty())
                                .collect(Collectors.toSet()));
    }

    private static int wholeNumber(String batch) {
        try {
            return Integer.parseInt(batch);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TRANSLATE_BATCH.variable() + " is not a whole number: " + batch);
        }
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + String.join(" ", args));
            }
            flags.put(args[i], args[i + 1]);
        }
        return flags;
    }

    /** A setting's flag ({@code --jdbc-url}) if given, else its variable ({@code SHABDAM_JDBC_URL}). */
    private record SettingSources(Map<String, String> flags, Function<String, String> env) {
        String optional(PipelineSetting setting) {
            String value = flags.get(setting.flag());
            return value != null ? value : env.apply(setting.variable());
        }

        String required(PipelineSetting setting) {
            String value = optional(setting);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(
                        "missing setting: pass " + setting.flag() + " or set " + setting.variable());
            }
            return value;
        }

        long number(PipelineSetting setting, long fallback) {
            String value = optional(setting);
            try {
                return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        setting.flag() + " (" + setting.variable() + ") is not a number: " + value);
            }
        }
    }

    /** Connectors to be given; the rest starts at the defaults above, no translation and {@link JobLimits#DEFAULT}. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String kafkaBootstrap;
        private String jdbcUrl;
        private String jdbcUser;
        private String jdbcPassword;
        private String storageUri;
        private long checkpointIntervalMs = DEFAULT_CHECKPOINT_INTERVAL_MS;
        private int parallelism = DEFAULT_PARALLELISM;
        private String modelsDir = DEFAULT_MODELS_DIR;
        private JobLimits limits = JobLimits.DEFAULT;
        private TranslatorSettings translation;
        private WatermarkSettings watermarking = WatermarkSettings.DEVELOPMENT;

        private Builder() {}

        public Builder withKafkaBootstrap(String kafkaBootstrap) {
            this.kafkaBootstrap = kafkaBootstrap;
            return this;
        }

        /** The job-state database; {@code user} and {@code password} null where the server wants none. */
        public Builder withJdbc(String url, String user, String password) {
            this.jdbcUrl = url;
            this.jdbcUser = user;
            this.jdbcPassword = password;
            return this;
        }

        public Builder withStorageUri(String storageUri) {
            this.storageUri = storageUri;
            return this;
        }

        public Builder withCheckpointIntervalMs(long checkpointIntervalMs) {
            this.checkpointIntervalMs = checkpointIntervalMs;
            return this;
        }

        public Builder withParallelism(int parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        public Builder withModelsDir(String modelsDir) {
            this.modelsDir = modelsDir;
            return this;
        }

        public Builder withLimits(JobLimits limits) {
            this.limits = limits;
            return this;
        }

        public Builder withTranslation(TranslatorSettings translation) {
            this.translation = translation;
            return this;
        }

        public Builder withWatermarking(WatermarkSettings watermarking) {
            this.watermarking = watermarking;
            return this;
        }

        public PipelineConfig build() {
            return new PipelineConfig(
                    Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap"),
                    Objects.requireNonNull(jdbcUrl, "jdbcUrl"),
                    jdbcUser,
                    jdbcPassword,
                    Objects.requireNonNull(storageUri, "storageUri"),
                    checkpointIntervalMs,
                    parallelism,
                    Objects.requireNonNull(modelsDir, "modelsDir"),
                    Objects.requireNonNull(limits, "limits"),
                    translation,
                    Objects.requireNonNull(watermarking, "watermarking"));
        }
    }
}
