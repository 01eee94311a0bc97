package dev.shabdam.pipeline;

import dev.shabdam.pipeline.jobs.JobLimits;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineConfigTest {
    private static final Map<String, String> ENV = Map.of(
            "SHABDAM_KAFKA_BOOTSTRAP", "kafka:9092",
            "SHABDAM_JDBC_URL", "jdbc:postgresql://db/shabdam",
            "SHABDAM_JDBC_USER", "shabdam",
            "SHABDAM_STORAGE_URI", "s3://shabdam",
            "SHABDAM_PARALLELISM", "4");

    @Test
    void readsEnvironmentWithDefaults() {
        PipelineConfig config = PipelineConfig.fromArgs(new String[0], ENV::get);

        assertThat(config).isEqualTo(new PipelineConfig("kafka:9092", "jdbc:postgresql://db/shabdam", "shabdam", null,
                "s3://shabdam", 1000, 4, PipelineConfig.DEFAULT_MODELS_DIR, JobLimits.DEFAULT));
    }

    @Test
    void flagsWinOverEnvironment() {
        PipelineConfig config = PipelineConfig.fromArgs(new String[] {
                "--kafka-bootstrap", "localhost:19092", "--storage-uri", "file:///tmp/shabdam",
                "--checkpoint-interval-ms", "250", "--jdbc-password", "secret"}, ENV::get);

        assertThat(config.kafkaBootstrap()).isEqualTo("localhost:19092");
        assertThat(config.storageUri()).isEqualTo("file:///tmp/shabdam");
        assertThat(config.checkpointIntervalMs()).isEqualTo(250);
        assertThat(config.jdbcPassword()).isEqualTo("secret");
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db/shabdam");
    }

    @Test
    void readsJobLimits() {
        PipelineConfig config = PipelineConfig.fromArgs(new String[] {"--max-media-seconds", "60"},
                name -> name.equals("SHABDAM_JOB_TIMEOUT_SECONDS") ? "90" : ENV.get(name));

        assertThat(config.limits()).isEqualTo(new JobLimits(60, java.time.Duration.ofSeconds(90)));
    }

    @Test
    void namesFlagAndVariableOfMissingSetting() {
        assertThatThrownBy(() -> PipelineConfig.fromArgs(new String[] {"--kafka-bootstrap", "k:9092"}, name -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("missing setting: pass --jdbc-url or set SHABDAM_JDBC_URL");
    }

    @Test
    void refusesNonNumericInterval() {
        assertThatThrownBy(() -> PipelineConfig.fromArgs(new String[] {"--checkpoint-interval-ms", "soon"}, ENV::get))
                .hasMessageContaining("SHABDAM_CHECKPOINT_INTERVAL_MS");
    }
}
