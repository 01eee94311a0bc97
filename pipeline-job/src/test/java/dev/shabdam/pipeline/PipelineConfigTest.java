package dev.shabdam.pipeline;

import dev.shabdam.pipeline.dubbing.translation.TranslatorSettings;
import dev.shabdam.pipeline.jobs.JobLimits;
import dev.shabdam.pipeline.watermark.WatermarkSettings;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

        assertThat(config)
                .isEqualTo(new PipelineConfig(
                        "kafka:9092",
                        "jdbc:postgresql://db/shabdam",
                        "shabdam",
                        null,
                        "s3://shabdam",
                        1000,
                        4,
                        PipelineConfig.DEFAULT_MODELS_DIR,
                        JobLimits.DEFAULT,
                        null,
                        WatermarkSettings.DEVELOPMENT));
    }

    @Test
    void flagsWinOverEnvironment() {
        PipelineConfig config = PipelineConfig.fromArgs(
                new String[] {
                    "--kafka-bootstrap", "localhost:19092", "--storage-uri", "file:///tmp/shabdam",
                    "--checkpoint-interval-ms", "250", "--jdbc-password", "secret"
                },
                ENV::get);

        assertThat(config.kafkaBootstrap()).isEqualTo("localhost:19092");
        assertThat(config.storageUri()).isEqualTo("file:///tmp/shabdam");
        assertThat(config.checkpointIntervalMs()).isEqualTo(250);
        assertThat(config.jdbcPassword()).isEqualTo("secret");
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db/shabdam");
    }

    @Test
    void readsJobLimits() {
        PipelineConfig config = PipelineConfig.fromArgs(
                new String[] {"--max-media-seconds", "60"},
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

    @Test
    void runsAtTheParallelismOfEveryDeployment() {
        PipelineConfig config = PipelineConfig.fromArgs(
                new String[] {"--kafka-bootstrap", "k:9092", "--jdbc-url", "jdbc:x", "--storage-uri", "file:///x"},
                name -> null);

        assertThat(config.parallelism()).isEqualTo(2).isEqualTo(PipelineConfig.DEFAULT_PARALLELISM);
        assertThat(config.translation()).isNull();
    }

    @Test
    void everyFlagHasItsVariableNamedAfterIt() {
        for (PipelineSetting setting : PipelineSetting.values()) {
            String name = setting.name();
            assertThat(setting.variable()).isEqualTo("SHABDAM_" + name);
            if (setting.flag() != null) {
                assertThat(setting.flag())
                        .isEqualTo("--" + name.toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        }
    }

    @Test
    void readsTheTranslationFromTheEnvironmentOnly() {
        Map<String, String> env = new HashMap<>(ENV);
        env.put("SHABDAM_TRANSLATE_ENGINE", "libretranslate");
        env.put("SHABDAM_TRANSLATE_URL", "http://lt:5000");

        PipelineConfig config = PipelineConfig.fromArgs(new String[] {"--translate-url", "http://elsewhere"}, env::get);

        assertThat(config.translation())
                .isEqualTo(new TranslatorSettings("libretranslate", "http://lt:5000", null, null, 50));
    }

    @Test
    void noTranslationEngineMeansNoTranslation() {
        assertThat(translation(Map.of())).isEmpty();
        assertThat(translation(Map.of("SHABDAM_TRANSLATE_ENGINE", " ", "SHABDAM_TRANSLATE_URL", "http://llm:8000")))
                .isEmpty();
    }

    @Test
    void aTranslationEngineNeedsAUrl() {
        assertThatThrownBy(() -> translation(Map.of("SHABDAM_TRANSLATE_ENGINE", "openai")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SHABDAM_TRANSLATE_ENGINE=openai needs the service's URL in SHABDAM_TRANSLATE_URL");
    }

    @Test
    void openAiDefaultsToGpt4oMiniInBatchesOf40() {
        TranslatorSettings settings = translation(
                        Map.of("SHABDAM_TRANSLATE_ENGINE", "OpenAI", "SHABDAM_TRANSLATE_URL", "https://api.openai.com"))
                .orElseThrow();

        assertThat(settings)
                .isEqualTo(new TranslatorSettings("openai", "https://api.openai.com", null, "gpt-4o-mini", 40));
        assertThat(settings.create().engineId()).isEqualTo("openai:gpt-4o-mini");
    }

    @Test
    void readsLibreTranslateWithKeyAndBatch() {
        TranslatorSettings settings = translation(Map.of(
                        "SHABDAM_TRANSLATE_ENGINE",
                        "libretranslate",
                        "SHABDAM_TRANSLATE_URL",
                        "http://lt:5000",
                        "SHABDAM_TRANSLATE_API_KEY",
                        "lt-key",
                        "SHABDAM_TRANSLATE_BATCH",
                        "10"))
                .orElseThrow();

        assertThat(settings).isEqualTo(new TranslatorSettings("libretranslate", "http://lt:5000", "lt-key", null, 10));
        assertThat(settings.create().engineId()).isEqualTo("libretranslate");
    }

    @Test
    void refusesAnUnknownTranslationEngineAndABadBatch() {
        assertThatThrownBy(() -> translation(
                        Map.of("SHABDAM_TRANSLATE_ENGINE", "deepl", "SHABDAM_TRANSLATE_URL", "https://api.deepl.com")))
                .hasMessage(
                        "unknown translation engine 'deepl': SHABDAM_TRANSLATE_ENGINE takes openai or libretranslate");
        assertThatThrownBy(() -> translation(Map.of(
                        "SHABDAM_TRANSLATE_ENGINE",
                        "openai",
                        "SHABDAM_TRANSLATE_URL",
                        "http://llm:8000",
                        "SHABDAM_TRANSLATE_BATCH",
                        "ten")))
                .hasMessage("SHABDAM_TRANSLATE_BATCH is not a whole number: ten");
        assertThatThrownBy(() -> translation(Map.of(
                        "SHABDAM_TRANSLATE_ENGINE",
                        "openai",
                        "SHABDAM_TRANSLATE_URL",
                        "http://llm:8000",
                        "SHABDAM_TRANSLATE_BATCH",
                        "0")))
                .hasMessage("SHABDAM_TRANSLATE_BATCH must be at least 1: 0");
    }

    private static Optional<TranslatorSettings> translation(Map<String, String> env) {
        return PipelineConfig.translation(env::get);
    }
}
