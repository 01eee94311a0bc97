package dev.shabdam.pipeline;

import dev.shabdam.pipeline.analysis.AnalyzeOperator;
import dev.shabdam.pipeline.analysis.CompareOperator;
import dev.shabdam.pipeline.dubbing.CancelledDubs;
import dev.shabdam.pipeline.dubbing.DubAssemblyOperator;
import dev.shabdam.pipeline.dubbing.DubIngestOperator;
import dev.shabdam.pipeline.dubbing.DubLineOperator;
import dev.shabdam.pipeline.dubbing.DubPlan;
import dev.shabdam.pipeline.dubbing.DubbedLine;
import dev.shabdam.pipeline.dubbing.LineTask;
import dev.shabdam.pipeline.dubbing.translation.TranslatorSettings;
import dev.shabdam.pipeline.io.AnalysisResultsSink;
import dev.shabdam.pipeline.io.AttemptLedger;
import dev.shabdam.pipeline.io.JobSinks;
import dev.shabdam.pipeline.io.JobStateSinks;
import dev.shabdam.pipeline.io.KafkaConnectors;
import dev.shabdam.pipeline.io.MarkedJobs;
import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.io.RawRecord;
import dev.shabdam.pipeline.io.SynthesisCacheIndex;
import dev.shabdam.pipeline.io.SynthesisCacheSink;
import dev.shabdam.pipeline.jobs.CancellationGate;
import dev.shabdam.pipeline.jobs.JobLimits;
import dev.shabdam.pipeline.jobs.JobRouter;
import dev.shabdam.pipeline.jobs.LatencyClass;
import dev.shabdam.pipeline.jobs.Quarantine;
import dev.shabdam.pipeline.jobs.RequestDecoder;
import dev.shabdam.pipeline.media.FfmpegMediaProbe;
import dev.shabdam.pipeline.media.MediaProbe;
import dev.shabdam.pipeline.synthesis.GenerateOperator;
import dev.shabdam.pipeline.synthesis.GenerationKey;
import dev.shabdam.pipeline.watermark.DetectWatermarkOperator;
import dev.shabdam.pipeline.watermark.WatermarkSettings;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;
import java.util.Objects;

/**
 * The Shabdam job graph: two latency classes, each its own graph from its own source to its own sinks,
 * so that the media class (hours of analysis, dubs waiting on a remote translator) neither delays nor
 * backpressures the interactive one, and a media task that crashes restarts only the media tasks (region
 * failover; a global failover restarts both).
 * <pre>
 * INTERACTIVE (GENERATE)
 * voice.requests ─▶ decode ─▶ generate only ─▶ keyBy(jobId) ─▶ cancellation gate ─▶ keyBy(scope + request) ─▶ generate
 *  (group …-interactive)                                          │ CANCELLED           identical requests: one      │
 *                                                                 ▼                     synthesis, then cache hits   │
 *                                       voice.events, jobs, job_events ◀─────────────────────────────────────────────┤
 *                                       voice.replies (at once, small audio inline) ◀────────────────────────────────┤
 *                                       synthesis_cache (JDBC, once the audio is stored) ◀───────────────────────────┘
 * MEDIA (ANALYZE, COMPARE, DUB, TRAIN, DETECT_WATERMARK)
 * voice.requests ─▶ decode ─▶ media only ─▶ keyBy(jobId) ─▶ cancellation gate ─▶ route by type ─▶ analyze │ compare │ dub
 *  (group …-media)    │ unreadable                            │ CANCELLED          │ not_implemented               │ progress,
 *                     ▼                                       ▼                    ▼                               │ completed/failed
 *              voice.requests.dlq       voice.events, jobs, job_events ◀───────────┴───────────────────────────────┤
 *                                       analysis_results (completed analyses) ◀────────────────────────────────────┘
 *        dub: ingest (keyed by job) ─lines─▶ keyBy(line) synthesise + fit ◀── cancelled dubs (broadcast)
 *                    └─plan──▶ keyBy(job) assemble: mix, mux ◀────────────┘
 * </pre>
 * Every work operator (analyze, compare, generate, dub ingest, lines, assembly) runs a record's work under
 * the job's time limit and counts its tries in the {@code job_attempts} table ({@link Quarantine}): a
 * record that crashes its task twice is answered FAILED instead of being tried a third time.
 * Sources and sinks come in through the {@link #builder()}, so tests run the same graph on bounded
 * sources and collecting sinks; {@link #fromConfig} builds the real connectors.
 */
public class VoicePipelineJob {
    /** Fixed for the life of the job's state: keyed state is split into this many key groups. */
    public static final int MAX_PARALLELISM = 128;

    /**
     * The source and the sinks of one latency class.
     *
     * @param requests voice.requests, read by the class's own consumer group
     */
    public record ClassConnectors(Source<RawRecord, ?, ?> requests, JobSinks sinks) {}

    private final ClassConnectors interactive;
    private final ClassConnectors media;
    private final ObjectStorage storage;
    private final SynthesisCacheIndex synthesisCache;
    private final AttemptLedger attempts;
    private final MediaProbe probe;
    private final String modelsDir;
    private final TranslatorSettings translation;
    private final JobLimits limits;
    private final WatermarkSettings watermarking;
    private final MarkedJobs markedJobs;

    private VoicePipelineJob(Builder builder) {
        this.interactive = Objects.requireNonNull(builder.interactive, "interactive");
        this.media = Objects.requireNonNull(builder.media, "media");
        this.storage = Objects.requireNonNull(builder.storage, "storage");
        this.synthesisCache = Objects.requireNonNull(builder.synthesisCache, "synthesisCache");
        this.attempts = Objects.requireNonNull(builder.attempts, "attempts");
        this.probe = Objects.requireNonNull(builder.probe, "probe");
        this.modelsDir = builder.modelsDir;
        this.translation = builder.translation;
        this.limits = builder.limits;
        this.watermarking = builder.watermarking;
        this.markedJobs = Objects.requireNonNull(builder.markedJobs, "markedJobs");
    }

    /**
     * The job with its real connectors: Kafka, PostgreSQL and the configured object storage; machine
     * translation as configured.
     */
    public static VoicePipelineJob fromConfig(PipelineConfig config, MediaProbe probe) {
        JdbcConnectionOptions jdbc =
                JobStateSinks.connection(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
        return builder()
                .withInteractive(connectors(config, jdbc, LatencyClass.INTERACTIVE))
                .withMedia(connectors(config, jdbc, LatencyClass.MEDIA))
                .withStorage(new ObjectStorage(config.storageUri()))
                .withSynthesisCache(new SynthesisCacheIndex(jdbc))
                .withAttempts(new AttemptLedger(jdbc))
                .withMarkedJobs(new MarkedJobs(jdbc))
                .withProbe(probe)
                .withModelsDir(config.modelsDir())
                .withTranslation(config.translation())
                .withLimits(config.limits())
                .withWatermarking(config.watermarking())
                .build();
    }

    private static ClassConnectors connectors(PipelineConfig config, JdbcConnectionOptions jdbc, LatencyClass latency) {
        return new ClassConnectors(
                KafkaConnectors.requests(config.kafkaBootstrap(), latency.groupId()),
                JobSinks.of(config.kafkaBootstrap(), jdbc, latency.qualify(KafkaConnectors.TRANSACTIONAL_ID_PREFIX)));
    }

    /**
     * How the job runs: exactly-once checkpoints (the Kafka sink commits its transactions with them).
     * A restart strategy that never gives up: a record that crashes its task is quarantined after its
     * retry ({@link Quarantine}), so what remains to restart for is the machine being unwell, and giving
     * up would stop every tenant's work for good; the backoff grows while failures follow each other.
     * A checkpoint waits behind the record its task works on, up to the job time limit: so many
     * checkpoints may expire meanwhile without failing the job.
     * Pass it to {@link StreamExecutionEnvironment#getExecutionEnvironment(Configuration)}.
     */
    public static Configuration configuration(PipelineConfig config) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(config.checkpointIntervalMs()));
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        // a barrier must not wait in line behind a dub's queued lines and stall the channels it came by
        conf.set(CheckpointingOptions.ENABLE_UNALIGNED, true);
        conf.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, CHECKPOINT_TIMEOUT);
        conf.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, tolerableCheckpointFailures(config.limits()));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, Duration.ofSeconds(1));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, 1.5);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, MAX_RESTART_BACKOFF);
        // a minute of running well and the next failure is a new story: back to the initial backoff
        conf.set(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD,
                Duration.ofMinutes(1));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, Integer.MAX_VALUE);
        conf.set(CoreOptions.DEFAULT_PARALLELISM, config.parallelism());
        // a spoken reply is one record that must not wait for a buffer to fill: flush after every record.
        // (A 1 ms interval did the same for latency, but its 60-odd flusher threads, one per task, woke
        // 1000 times a second each and kept most of a core busy with nothing to send.)
        conf.set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ZERO);
        // every record type has a Flink serializer; Kryo sneaking in would make state fragile
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        return conf;
    }

    /** How long a checkpoint may take before it counts as failed (Flink's default). */
    static final Duration CHECKPOINT_TIMEOUT = Duration.ofMinutes(10);
    /** The longest wait between restarts: a pipeline that recovers is back within this. */
    static final Duration MAX_RESTART_BACKOFF = Duration.ofSeconds(30);
    /** Checkpoints that may fail in a row for other reasons (storage hiccups) on top of those a long record expires. */
    static final int SPARE_CHECKPOINT_FAILURES = 3;

    /** As many checkpoint timeouts as fit in one record's time limit, and a few to spare. */
    static int tolerableCheckpointFailures(JobLimits limits) {
        long perRecord = limits.jobTimeout().toMillis() / CHECKPOINT_TIMEOUT.toMillis();
        return (int) perRecord + 1 + SPARE_CHECKPOINT_FAILURES;
    }

    /** Wires both latency classes, source → operators → sinks, on {@code env}; the caller executes it. */
    public void build(StreamExecutionEnvironment env) {
        env.setMaxParallelism(MAX_PARALLELISM);
        buildInteractive(env);
        buildMedia(env);
    }

    /** GENERATE: a sentence for someone waiting, answered on voice.replies at once. */
    private void buildInteractive(StreamExecutionEnvironment env) {
        LatencyClass latency = LatencyClass.INTERACTIVE;
        SingleOutputStreamOperator<VoiceRequest> admitted = admit(requests(env, latency, interactive), latency);

        SingleOutputStreamOperator<VoiceEvent> generated = admitted.keyBy(new GenerationKey())
                .process(new GenerateOperator(storage, synthesisCache, modelsDir, quarantine("generate"), watermarking))
                .uid("generate")
                .name("Generate speech");
        generated
                .getSideOutput(GenerateOperator.REPLIES)
                .sinkTo(interactive.sinks().replies())
                .uid("replies-sink")
                .name("voice.replies");
        generated
                .filter(new SynthesisCacheSink.CompletedGenerations())
                .uid("completed-generations")
                .name("Completed generations")
                .sinkTo(interactive.sinks().synthesisCache())
                .uid("synthesis-cache-sink")
                .name("synthesis_cache table");

        record(admitted.getSideOutput(CancellationGate.CANCELLED).union(generated), latency, interactive.sinks());
    }

    /** ANALYZE, COMPARE, DUB and TRAIN: work on media, seconds to hours long. */
    private void buildMedia(StreamExecutionEnvironment env) {
        LatencyClass latency = LatencyClass.MEDIA;
        SingleOutputStreamOperator<VoiceRequest> decoded = decode(env, latency, media);
        // one class parks the unreadable records: both read them
        decoded.getSideOutput(RequestDecoder.DEAD_LETTERS)
                .sinkTo(media.sinks().deadLetters())
                .uid("dead-letters-sink")
                .name("voice.requests.dlq");
        SingleOutputStreamOperator<VoiceRequest> admitted = admit(served(decoded, latency), latency);

        // each type's requests on a side output; the main output: types not implemented, refused
        SingleOutputStreamOperator<VoiceEvent> routed =
                admitted.process(new JobRouter()).uid("route-by-type").name("Route by job type");
        DataStream<VoiceEvent> analyzed = keyedByJob(routed.getSideOutput(JobRouter.ANALYZE))
                .process(new AnalyzeOperator(storage, probe, limits, quarantine("analyze")))
                .uid("analyze")
                .name("Analyze");
        DataStream<VoiceEvent> compared = keyedByJob(routed.getSideOutput(JobRouter.COMPARE))
                .process(new CompareOperator(storage, modelsDir, probe, limits, quarantine("compare")))
                .uid("compare")
                .name("Compare");

        DataStream<VoiceEvent> cancelled = admitted.getSideOutput(CancellationGate.CANCELLED);
        SingleOutputStreamOperator<VoiceEvent> dubIngested = keyedByJob(routed.getSideOutput(JobRouter.DUB))
                .process(
                        new DubIngestOperator(storage, probe, modelsDir, translation, limits, quarantine("dub-ingest")))
                .uid("dub-ingest")
                .name("Dub: ingest and script");
        BroadcastStream<String> cancelledDubs = cancelled
                .filter(new CancelledDubs())
                .uid("cancelled-dubs")
                .name("Cancelled dubs")
                .map(VoiceEvent::jobId)
                .uid("cancelled-dub-ids")
                .name("Cancelled dub ids")
                .broadcast(DubLineOperator.CANCELLED_JOBS);
        DataStream<DubbedLine> dubbedLines = dubIngested
                .getSideOutput(DubIngestOperator.LINES)
                .keyBy(LineTask::lineKey)
                .connect(cancelledDubs)
                .process(new DubLineOperator(storage, modelsDir, quarantine("dub-lines")))
                .uid("dub-lines")
                .name("Dub: synthesise and fit lines");
        DataStream<VoiceEvent> dubbed = dubIngested
                .getSideOutput(DubIngestOperator.PLANS)
                .keyBy(DubPlan::jobId)
                .connect(dubbedLines.keyBy(DubbedLine::jobId))
                .process(new DubAssemblyOperator(storage, probe, limits, quarantine("dub-assembly"), watermarking))
                .uid("dub-assembly")
                .name("Dub: mix and mux");

        DataStream<VoiceEvent> detected = keyedByJob(routed.getSideOutput(JobRouter.DETECT_WATERMARK))
                .process(new DetectWatermarkOperator(
                        storage, watermarking, markedJobs, limits, quarantine("detect-watermark")))
                .uid("detect-watermark")
                .name("Detect watermark");

        DataStream<VoiceEvent> events = cancelled.union(routed, analyzed, compared, dubIngested, dubbed, detected);
        record(events, latency, media.sinks());
        events.filter(new AnalysisResultsSink.CompletedAnalyses())
                .uid("completed-analyses")
                .name("Completed analyses")
                .sinkTo(media.sinks().analysisResults())
                .uid("analysis-results-sink")
                .name("analysis_results table");
    }

    /** The class's own read of voice.requests, decoded; unreadable records go to the decoder's side output. */
    private static SingleOutputStreamOperator<VoiceRequest> decode(
            StreamExecutionEnvironment env, LatencyClass latency, ClassConnectors connectors) {
        return env.fromSource(
                        connectors.requests(), WatermarkStrategy.noWatermarks(), "voice.requests (" + latency + ")")
                .uid(latency.qualify("requests-source"))
                .process(new RequestDecoder())
                .uid(latency.qualify("decode-requests"))
                .name("Decode requests");
    }

    /** The class's requests, without the dead letters (which the media class parks). */
    private static DataStream<VoiceRequest> requests(
            StreamExecutionEnvironment env, LatencyClass latency, ClassConnectors connectors) {
        return served(decode(env, latency, connectors), latency);
    }

    private static DataStream<VoiceRequest> served(DataStream<VoiceRequest> decoded, LatencyClass latency) {
        return decoded.filter(latency.requests())
                .uid(latency.qualify("served-requests"))
                .name(latency + " requests");
    }

    /** Keyed by job: cancellations mark their job, whose submissions are dropped from then on. */
    private static SingleOutputStreamOperator<VoiceRequest> admit(
            DataStream<VoiceRequest> requests, LatencyClass latency) {
        return requests.keyBy(VoiceRequest::jobId)
                .process(new CancellationGate())
                .uid(latency.qualify("cancellation-gate"))
                .name("Cancellation gate");
    }

    /** Every event of a class to the class's own event sinks: voice.events and the job tables. */
    private static void record(DataStream<VoiceEvent> events, LatencyClass latency, JobSinks sinks) {
        events.sinkTo(sinks.events()).uid(latency.qualify("events-sink")).name("voice.events");
        events.sinkTo(sinks.jobs()).uid(latency.qualify("jobs-sink")).name("jobs table");
        events.sinkTo(sinks.jobEvents()).uid(latency.qualify("job-events-sink")).name("job_events table");
    }

    private Quarantine quarantine(String operator) {
        return new Quarantine(operator, attempts, limits.jobTimeout());
    }

    /**
     * The router runs after {@code keyBy(jobId)}, chained: its outputs are still partitioned by job, so
     * they are declared keyed instead of shuffled again.
     */
    private static KeyedStream<VoiceRequest, String> keyedByJob(DataStream<VoiceRequest> routed) {
        return DataStreamUtils.reinterpretAsKeyedStream(routed, VoiceRequest::jobId, Types.STRING);
    }

    /** Sources, sinks and storage to be given; models in the default folder, no translation, default limits. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private ClassConnectors interactive;
        private ClassConnectors media;
        private ObjectStorage storage;
        private SynthesisCacheIndex synthesisCache;
        private AttemptLedger attempts;
        private MediaProbe probe;
        private String modelsDir = PipelineConfig.DEFAULT_MODELS_DIR;
        private TranslatorSettings translation;
        private JobLimits limits = JobLimits.DEFAULT;
        private WatermarkSettings watermarking = WatermarkSettings.DEVELOPMENT;
        private MarkedJobs markedJobs;

        private Builder() {}

        public Builder withInteractive(ClassConnectors interactive) {
            this.interactive = interactive;
            return this;
        }

        public Builder withMedia(ClassConnectors media) {
            this.media = media;
            return this;
        }

        public Builder withStorage(ObjectStorage storage) {
            this.storage = storage;
            return this;
        }

        public Builder withSynthesisCache(SynthesisCacheIndex synthesisCache) {
            this.synthesisCache = synthesisCache;
            return this;
        }

        /** Where the work operators count their tries at a record ({@link Quarantine}). */
        public Builder withAttempts(AttemptLedger attempts) {
            this.attempts = attempts;
            return this;
        }

        public Builder withProbe(MediaProbe probe) {
            this.probe = probe;
            return this;
        }

        public Builder withModelsDir(String modelsDir) {
            this.modelsDir = modelsDir;
            return this;
        }

        /** Machine translation for dubs that upload none; null where there is none. */
        public Builder withTranslation(TranslatorSettings translation) {
            this.translation = translation;
            return this;
        }

        /** What one job may take (media length, time). */
        public Builder withLimits(JobLimits limits) {
            this.limits = limits;
            return this;
        }

        /** The mark on every GENERATE and DUB output; the development key, on for every tenant, unless given. */
        public Builder withWatermarking(WatermarkSettings watermarking) {
            this.watermarking = watermarking;
            return this;
        }

        /** The lookup of the job a detected watermark names (the jobs table). */
        public Builder withMarkedJobs(MarkedJobs markedJobs) {
            this.markedJobs = markedJobs;
            return this;
        }

        public VoicePipelineJob build() {
            return new VoicePipelineJob(this);
        }
    }

    public static void main(String[] args) throws Exception {
        PipelineConfig config = PipelineConfig.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration(config));
        fromConfig(config, new FfmpegMediaProbe()).build(env);
        env.execute("shabdam-pipeline");
    }
}
