package dev.shabdam.pipeline;

import dev.shabdam.pipeline.io.AttemptLedger;
import dev.shabdam.pipeline.io.JobSinks;
import dev.shabdam.pipeline.io.MarkedJobs;
import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.io.RawRecord;
import dev.shabdam.pipeline.io.RawRecords;
import dev.shabdam.pipeline.io.SynthesisCacheIndex;
import dev.shabdam.pipeline.io.TestJdbc;
import dev.shabdam.pipeline.media.FfmpegMediaProbe;
import dev.shabdam.schemas.VoiceEvent;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;

import java.nio.file.Path;
import java.util.List;

/** The whole job graph as the pipeline's tests run it: bounded sources, collecting sinks, a storage folder. */
final class TestPipelines {
    private TestPipelines() {}

    /** The production configuration with no restarts: a failure must fail the test. */
    static Configuration configuration(long checkpointIntervalMs) {
        Configuration conf = VoicePipelineJob.configuration(PipelineConfig.builder()
                .withKafkaBootstrap("unused:9092")
                .withJdbc("jdbc:unused", null, null)
                .withStorageUri("file:///unused")
                .withCheckpointIntervalMs(checkpointIntervalMs)
                .withParallelism(2)
                .build());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return conf;
    }

    /**
     * Both latency classes on the same source and sinks, media under {@code storageRoot}; the attempts are
     * counted in a real PostgreSQL (embedded, outside the JVM's heap), as in the stack.
     */
    static VoicePipelineJob job(VoicePipelineJob.ClassConnectors connectors, Path storageRoot) {
        return VoicePipelineJob.builder()
                .withInteractive(connectors)
                .withMedia(connectors)
                .withStorage(new ObjectStorage(storageRoot.toUri().toString()))
                .withSynthesisCache(new SynthesisCacheIndex(TestJdbc.connection()))
                .withAttempts(new AttemptLedger(TestJdbc.connection()))
                .withMarkedJobs(new MarkedJobs(TestJdbc.connection()))
                .withProbe(new FfmpegMediaProbe())
                .build();
    }

    /** Sinks that collect everything; only the events are looked at. */
    static JobSinks eventsOnly(CollectSink<VoiceEvent> events) {
        return JobSinks.builder()
                .withEvents(events)
                .withJobs(new CollectSink<>())
                .withJobEvents(new CollectSink<>())
                .withAnalysisResults(new CollectSink<>())
                .withReplies(new CollectSink<>())
                .withSynthesisCache(new CollectSink<>())
                .withDeadLetters(new CollectSink<>())
                .build();
    }

    /** A bounded source of raw records; it captures strings because RawRecord is not Serializable. */
    static DataGeneratorSource<RawRecord> source(List<String> values) {
        List<String> captured = List.copyOf(values);
        return new DataGeneratorSource<>(
                index -> RawRecords.of("key-" + index, captured.get(index.intValue())),
                captured.size(),
                TypeInformation.of(RawRecord.class));
    }
}
