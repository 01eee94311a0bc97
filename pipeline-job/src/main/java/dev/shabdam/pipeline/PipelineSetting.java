package dev.shabdam.pipeline;

/**
 * Every setting the pipeline job reads ({@link PipelineConfig}), with its command-line flag and its
 * environment variable written out, so that a search for either finds where it is read. A flag wins
 * over its variable: {@code flink run} passes flags, a container sets variables.
 */
public enum PipelineSetting {
    KAFKA_BOOTSTRAP("--kafka-bootstrap", "SHABDAM_KAFKA_BOOTSTRAP"),
    JDBC_URL("--jdbc-url", "SHABDAM_JDBC_URL"),
    JDBC_USER("--jdbc-user", "SHABDAM_JDBC_USER"),
    JDBC_PASSWORD("--jdbc-password", "SHABDAM_JDBC_PASSWORD"),
    STORAGE_URI("--storage-uri", "SHABDAM_STORAGE_URI"),
    CHECKPOINT_INTERVAL_MS("--checkpoint-interval-ms", "SHABDAM_CHECKPOINT_INTERVAL_MS"),
    PARALLELISM("--parallelism", "SHABDAM_PARALLELISM"),
    MODELS_DIR("--models-dir", "SHABDAM_MODELS_DIR"),
    MAX_MEDIA_SECONDS("--max-media-seconds", "SHABDAM_MAX_MEDIA_SECONDS"),
    JOB_TIMEOUT_SECONDS("--job-timeout-seconds", "SHABDAM_JOB_TIMEOUT_SECONDS"),
    // machine translation has no flags: its API key is a secret, and flags show in every process list
    TRANSLATE_ENGINE(null, "SHABDAM_TRANSLATE_ENGINE"),
    TRANSLATE_URL(null, "SHABDAM_TRANSLATE_URL"),
    TRANSLATE_API_KEY(null, "SHABDAM_TRANSLATE_API_KEY"),
    TRANSLATE_MODEL(null, "SHABDAM_TRANSLATE_MODEL"),
    TRANSLATE_BATCH(null, "SHABDAM_TRANSLATE_BATCH"),
    // the watermark's key is a secret too; the tenants without a mark sit beside it
    WATERMARK_KEY(null, "SHABDAM_WATERMARK_KEY"),
    WATERMARK_OFF_TENANTS(null, "SHABDAM_WATERMARK_OFF_TENANTS");

    private final String flag;
    private final String variable;

    PipelineSetting(String flag, String variable) {
        this.flag = flag;
        this.variable = variable;
    }

    /** The command-line flag, {@code --} included; null for a setting read from the environment only. */
    public String flag() {
        return flag;
    }

    public String variable() {
        return variable;
    }
}
