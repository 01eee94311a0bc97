package dev.shabdam.pipeline;

import dev.shabdam.pipeline.analysis.AnalyzeOperator;
import dev.shabdam.pipeline.analysis.CompareOperator;
import dev.shabdam.pipeline.dubbing.CancelledDubs;
import dev.shabdam.pipeline.dubbing.DubAssemblyOperator;
import dev.shabdam.pipeline.dubbing.DubIngestOperator;
import dev.shabdam.pipeline.dubbing.DubPlan;
import dev.shabdam.pipeline.dubbing.DubUtteranceOperator;
import dev.shabdam.pipeline.dubbing.DubbedUtterance;
import dev.shabdam.pipeline.dubbing.UtteranceTask;
import dev.shabdam.pipeline.dubbing.translation.TranslatorSettings;
import dev.shabdam.pipeline.io.AnalysisResultsSink;
import dev.shabdam.pipeline.io.JobSinks;
import dev.shabdam.pipeline.io.SynthesisCacheIndex;
import dev.shabdam.pipeline.io.SynthesisCacheSink;
import dev.shabdam.pipeline.synthesis.GenerateOperator;
import dev.shabdam.pipeline.io.JobStateSinks;
import dev.shabdam.pipeline.io.KafkaConnectors;
import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.io.RawRecord;
import dev.shabdam.pipeline.jobs.CancellationGate;
import dev.shabdam.pipeline.jobs.JobLimits;
import dev.shabdam.pipeline.jobs.JobRouter;
import dev.shabdam.pipeline.jobs.RequestDecoder;
import dev.shabdam.pipeline.media.FfmpegMediaProbe;
import dev.shabdam.pipeline.media.MediaProbe;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;

/**
 * The Shabdam job graph:
 * <pre>
 * voice.requests ─▶ decode ─▶ keyBy(jobId) ─▶ cancellation gate ─▶ route by type ─▶ (still keyed) analyze │ compare │ generate │ dub
 *                     │ unreadable                  │ CANCELLED          │ not_implemented               │ progress,
 *                     ▼                             ▼                    ▼                               │ completed/failed
 *              voice.requests.dlq                 events ◀───────────────┴───────────────────────────────┘
 *                                 generate ─▶ voice.replies (at once, small audio inline)
 *                                    │ (recorded once the audio is stored) ─▶ synthesis_cache (JDBC)
 *                                    └──────────────┬─▶ voice.events (Kafka), jobs + job_events (JDBC)
 *                                                   └─▶ completed analyses ─▶ analysis_results (JDBC)
 *        dub: ingest (keyed by job) ─lines─▶ keyBy(line) synthesise + align ◀── cancelled dubs (broadcast)
 *                    └─plan──▶ keyBy(job) assemble: mix, mux ◀────────────┘
 * </pre>
 * Sources and sinks come in through the constructor, so tests run the same graph on bounded
 * sources and collecting sinks; {@link #fromConfig} builds the real connectors.
 */
public class VoicePipelineJob {
    /** Fixed for the life of the job's state: keyed state is split into this many key groups. */
    public static final int MAX_PARALLELISM = 128;

    private final Source<RawRecord, ?, ?> requests;
    private final JobSinks sinks;
    private final ObjectStorage storage;
    private final SynthesisCacheIndex synthesisCache;
    private final MediaProbe probe;
    private final String modelsDir;
    private final TranslatorSettings translation;
    private final JobLimits limits;

    /**
     * @param translation machine translation for dubs that upload none; null where there is none
     * @param limits      what one job may take (media length, time)
     */
    public VoicePipelineJob(Source<RawRecord, ?, ?> requests, JobSinks sinks, ObjectStorage storage,
                            SynthesisCacheIndex synthesisCache, MediaProbe probe, String modelsDir,
                            TranslatorSettings translation, JobLimits limits) {
        this.requests = requests;
        this.sinks = sinks;
        this.storage = storage;
        this.synthesisCache = synthesisCache;
        this.probe = probe;
        this.modelsDir = modelsDir;
        this.translation = translation;
        this.limits = limits;
    }

    /**
     * The job with its real connectors: Kafka, PostgreSQL and the configured object storage; machine
     * translation as the environment configures it (its API key is a secret: no command-line flag).
     */
    public static VoicePipelineJob fromConfig(PipelineConfig config, MediaProbe probe) {
        JdbcConnectionOptions jdbc = JobStateSinks.connection(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
        return new VoicePipelineJob(
                KafkaConnectors.requests(config.kafkaBootstrap()),
                JobSinks.of(config.kafkaBootstrap(), jdbc),
                new ObjectStorage(config.storageUri()),
                new SynthesisCacheIndex(jdbc),
                probe,
                config.modelsDir(),
                TranslatorSettings.fromEnvironment(System.getenv()).orElse(null),
                config.limits());
    }

    /**
     * How the job runs: exactly-once checkpoints (the Kafka sink commits its transactions with
     * them) and a bounded restart strategy, since with checkpointing on Flink would otherwise
     * restart a failing job forever. Pass it to {@link StreamExecutionEnvironment#getExecutionEnvironment(Configuration)}.
     */
    public static Configuration configuration(PipelineConfig config) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(config.checkpointIntervalMs()));
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        // a barrier must not wait in line behind a dub's queued lines and stall the channels it came by
        conf.set(CheckpointingOptions.ENABLE_UNALIGNED, true);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(2));
        conf.set(CoreOptions.DEFAULT_PARALLELISM, config.parallelism());
        // a spoken reply is one record that must not wait for a buffer to fill: flush after every record.
        // (A 1 ms interval did the same for latency, but its 60-odd flusher threads, one per task, woke
        // 1000 times a second each and kept most of a core busy with nothing to send.)
        conf.set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ZERO);
        // every record type has a Flink serializer; Kryo sneaking in would make state fragile
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        return conf;
    }

    /** Wires source → operators → sinks on {@code env}; the caller executes it. */
    public void build(StreamExecutionEnvironment env) {
        env.setMaxParallelism(MAX_PARALLELISM);

        SingleOutputStreamOperator<VoiceRequest> decoded = env
                .fromSource(requests, WatermarkStrategy.noWatermarks(), "voice.requests")
                .uid("requests-source")
                .process(new RequestDecoder())
                .uid("decode-requests").name("Decode requests");
        decoded.getSideOutput(RequestDecoder.DEAD_LETTERS)
                .sinkTo(sinks.deadLetters())
                .uid("dead-letters-sink").name("voice.requests.dlq");

        SingleOutputStreamOperator<VoiceRequest> admitted = decoded
                .keyBy(VoiceRequest::jobId)
                .process(new CancellationGate())
                .uid("cancellation-gate").name("Cancellation gate");
        SingleOutputStreamOperator<VoiceEvent> refused = admitted
                .process(new JobRouter())
                .uid("route-by-type").name("Route by job type");
        DataStream<VoiceEvent> analyzed = keyedByJob(refused.getSideOutput(JobRouter.ANALYZE))
                .process(new AnalyzeOperator(storage, probe, limits))
                .uid("analyze").name("Analyze");
        DataStream<VoiceEvent> compared = keyedByJob(refused.getSideOutput(JobRouter.COMPARE))
                .process(new CompareOperator(storage, modelsDir, probe, limits))
                .uid("compare").name("Compare");

        SingleOutputStreamOperator<VoiceEvent> generated = keyedByJob(refused.getSideOutput(JobRouter.GENERATE))
                .process(new GenerateOperator(storage, synthesisCache, modelsDir))
                .uid("generate").name("Generate speech");
        generated.getSideOutput(GenerateOperator.REPLIES).sinkTo(sinks.replies()).uid("replies-sink").name("voice.replies");
        generated.filter(new SynthesisCacheSink.CompletedGenerations())
                .uid("completed-generations").name("Completed generations")
                .sinkTo(sinks.synthesisCache()).uid("synthesis-cache-sink").name("synthesis_cache table");

        DataStream<VoiceEvent> cancelled = admitted.getSideOutput(CancellationGate.CANCELLED);
        SingleOutputStreamOperator<VoiceEvent> dubIngested = keyedByJob(refused.getSideOutput(JobRouter.DUB))
                .process(new DubIngestOperator(storage, probe, modelsDir, translation, limits))
                .uid("dub-ingest").name("Dub: ingest and script");
        BroadcastStream<String> cancelledDubs = cancelled
                .filter(new CancelledDubs())
                .uid("cancelled-dubs").name("Cancelled dubs")
                .map(VoiceEvent::jobId)
                .uid("cancelled-dub-ids").name("Cancelled dub ids")
                .broadcast(DubUtteranceOperator.CANCELLED_JOBS);
        DataStream<DubbedUtterance> dubbedLines = dubIngested.getSideOutput(DubIngestOperator.LINES)
                .keyBy(UtteranceTask::lineKey)
                .connect(cancelledDubs)
                .process(new DubUtteranceOperator(storage, modelsDir))
                .uid("dub-lines").name("Dub: synthesise and align lines");
        DataStream<VoiceEvent> dubbed = dubIngested.getSideOutput(DubIngestOperator.PLANS)
                .keyBy(DubPlan::jobId)
                .connect(dubbedLines.keyBy(DubbedUtterance::jobId))
                .process(new DubAssemblyOperator(storage, probe, limits))
                .uid("dub-assembly").name("Dub: mix and mux");

        DataStream<VoiceEvent> allEvents = cancelled
                .union(refused, analyzed, compared, generated, dubIngested, dubbed);
        allEvents.sinkTo(sinks.events()).uid("events-sink").name("voice.events");
        allEvents.sinkTo(sinks.jobs()).uid("jobs-sink").name("jobs table");
        allEvents.sinkTo(sinks.jobEvents()).uid("job-events-sink").name("job_events table");
        allEvents.filter(new AnalysisResultsSink.CompletedAnalyses())
                .uid("completed-analyses").name("Completed analyses")
                .sinkTo(sinks.analysisResults()).uid("analysis-results-sink").name("analysis_results table");
    }

    /**
     * The router runs after {@code keyBy(jobId)}, chained: its outputs are still partitioned by job, so
     * they are declared keyed instead of shuffled again. A spoken reply saves a network hop this way.
     */
    private static KeyedStream<VoiceRequest, String> keyedByJob(DataStream<VoiceRequest> routed) {
        return DataStreamUtils.reinterpretAsKeyedStream(routed, VoiceRequest::jobId, Types.STRING);
    }

    public static void main(String[] args) throws Exception {
        PipelineConfig config = PipelineConfig.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration(config));
        fromConfig(config, new FfmpegMediaProbe()).build(env);
        env.execute("shabdam-pipeline");
    }
}
