package dev.shabdam.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.pipeline.dubbing.DubFixtures;
import dev.shabdam.pipeline.io.DeadLetter;
import dev.shabdam.pipeline.io.JobSinks;
import dev.shabdam.pipeline.io.RawRecord;
import dev.shabdam.pipeline.io.RawRecords;
import dev.shabdam.pipeline.jobs.JobLimits;
import dev.shabdam.pipeline.jobs.LatencyClass;
import dev.shabdam.pipeline.media.FfmpegMediaProbe;
import dev.shabdam.pipeline.media.ProbeResult;
import dev.shabdam.pipeline.media.TestMedia;
import dev.shabdam.pipeline.synthesis.engine.EspeakRequired;
import dev.shabdam.schemas.CacheScope;
import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.schemas.jobs.EventSeq;
import dev.shabdam.schemas.jobs.GenerateJob;
import dev.shabdam.speech.AudioFormat;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;
import dev.shabdam.testsupport.Requests;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.jobgraph.JobEdge;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.runtime.jobgraph.JobVertexID;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/** The real job graph on a MiniCluster, with bounded in-memory requests and collecting sinks. */
class VoicePipelineJobTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    Path storageRoot;

    @Test
    void runsJobsAndSurvivesGarbage() throws Exception {
        String goodKey = StorageKeys.upload(Requests.TENANT, "job-good", "voice.wav");
        Files.createDirectories(storageRoot.resolve(goodKey).getParent());
        TestMedia.wav(storageRoot.resolve(goodKey), 16_000, 1, 1.5, 440);
        String noiseKey = StorageKeys.upload(Requests.TENANT, "job-noise", "noise.wav");
        Files.createDirectories(storageRoot.resolve(noiseKey).getParent());
        TestMedia.randomBytes(storageRoot.resolve(noiseKey), 2048, 3);

        // garbage first: the requests behind it must still run
        List<String> requests = List.of(
                "this is not a request",
                json(RawRecords.of(Requests.analyze("job-good", goodKey))),
                json(RawRecords.of(Requests.analyze("job-noise", noiseKey))),
                json(RawRecords.of(Requests.cancel("job-cancelled", JobType.ANALYZE))),
                json(RawRecords.of(Requests.cancel("job-cancelled-generate", JobType.GENERATE))),
                json(RawRecords.of(Requests.submit("job-train", JobType.TRAIN))));
        CollectSink<VoiceEvent> events = new CollectSink<>();
        CollectSink<VoiceEvent> jobs = new CollectSink<>();
        CollectSink<VoiceEvent> jobEvents = new CollectSink<>();
        CollectSink<VoiceEvent> analysisResults = new CollectSink<>();
        CollectSink<DeadLetter> deadLetters = new CollectSink<>();

        run(
                requests,
                JobSinks.builder()
                        .withEvents(events)
                        .withJobs(jobs)
                        .withJobEvents(jobEvents)
                        .withAnalysisResults(analysisResults)
                        .withReplies(new CollectSink<>())
                        .withSynthesisCache(new CollectSink<>())
                        .withDeadLetters(deadLetters)
                        .build());

        assertThat(deadLetters.received())
                .singleElement()
                .satisfies(letter -> assertThat(letter.reason()).startsWith("not a VoiceRequest"));
        var byJob = events.received().stream().collect(Collectors.groupingBy(VoiceEvent::jobId));
        assertThat(byJob)
                .containsOnlyKeys("job-good", "job-noise", "job-cancelled", "job-cancelled-generate", "job-train");
        assertThat(byJob.get("job-good"))
                .extracting(VoiceEvent::seq, VoiceEvent::kind)
                .containsExactly(
                        tuple(1, EventKind.PROGRESS),
                        tuple(2, EventKind.PROGRESS),
                        tuple(3, EventKind.PROGRESS),
                        tuple(4, EventKind.COMPLETED));
        assertThat(byJob.get("job-good").get(3).result()).contains("\"sampleRateHz\":16000", "\"integratedLufs\"");
        assertThat(analysisResults.received())
                .singleElement()
                .satisfies(e -> assertThat(e.jobId()).isEqualTo("job-good"));
        assertThat(storageRoot.resolve(StorageKeys.output("job-good", "report.json")))
                .exists();
        assertThat(byJob.get("job-noise"))
                .last()
                .satisfies(e -> assertThat(e.error().code()).isEqualTo("unsupported_media"));
        assertThat(byJob.get("job-cancelled"))
                .singleElement()
                .satisfies(e -> assertThat(e.seq()).isEqualTo(EventSeq.CANCELLED));
        assertThat(byJob.get("job-cancelled-generate"))
                .as("cancelled by its own class, once")
                .singleElement()
                .satisfies(e -> assertThat(e.seq()).isEqualTo(EventSeq.CANCELLED));
        assertThat(byJob.get("job-train"))
                .singleElement()
                .satisfies(e -> assertThat(e.error().code()).isEqualTo("not_implemented"));
        // every sink sees every event
        assertThat(jobs.received()).hasSameSizeAs(events.received());
        assertThat(jobEvents.received()).hasSameSizeAs(events.received());
    }

    @Test
    void dubsAVideoThroughIngestLinesAndAssembly() throws Exception {
        EspeakRequired.assumeInstalled("VoicePipelineJobTest.dubsAVideo");
        VoiceRequest dub = new DubFixtures(storageRoot, "job-dub")
                .video(6)
                .subtitles(DubFixtures.SOURCE_SRT)
                .translation(DubFixtures.TARGET_SRT)
                .request();
        CollectSink<VoiceEvent> events = new CollectSink<>();

        run(List.of(json(RawRecords.of(dub))), TestPipelines.eventsOnly(events));

        List<VoiceEvent> received = events.received().stream()
                .sorted(Comparator.comparingInt(VoiceEvent::seq))
                .toList();
        assertThat(received).extracting(VoiceEvent::seq).containsExactly(1, 2, 4, 10, 11, 12, 13, EventSeq.FINAL);
        VoiceEvent done = received.get(received.size() - 1);
        assertThat(done.kind()).as("%s", done.error()).isEqualTo(EventKind.COMPLETED);
        assertThat(done.outputs()).containsOnlyKeys("video", "audio", "subtitles-source", "subtitles-target", "report");
        ProbeResult input = new FfmpegMediaProbe()
                .probe(storageRoot.resolve(dub.inputs().get("file")).toFile());
        ProbeResult video = new FfmpegMediaProbe()
                .probe(storageRoot.resolve(done.outputs().get("video")).toFile());
        assertThat(video.durationSec()).isCloseTo(input.durationSec(), within(0.05));
        JsonNode report = RecordCodec.mapper()
                .readTree(storageRoot.resolve(done.outputs().get("report")).toFile());
        assertThat(report.get("utterances"))
                .hasSize(3)
                .allSatisfy(line -> assertThat(line.get("dubEndMs").asLong())
                        .isEqualTo(line.get("slotEndMs").asLong()));
    }

    @Test
    void realConnectorsMakeAJobGraphWithStableIds() {
        PipelineConfig config = PipelineConfig.builder()
                .withKafkaBootstrap("localhost:9092")
                .withJdbc("jdbc:postgresql://localhost/shabdam", "shabdam", "secret")
                .withStorageUri("file:///tmp/shabdam")
                .withCheckpointIntervalMs(1000)
                .withParallelism(2)
                .withModelsDir("models/cache")
                .withLimits(JobLimits.DEFAULT)
                .build();
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(VoicePipelineJob.configuration(config));

        VoicePipelineJob.fromConfig(config, new FfmpegMediaProbe()).build(env);
        StreamGraph graph = env.getStreamGraph();

        assertThat(graph.getCheckpointConfig().isCheckpointingEnabled()).isTrue();
        assertThat(graph.getStreamNodes())
                .allSatisfy(node -> assertThat(node.getTransformationUID())
                        .as(node.getOperatorName())
                        .isNotBlank())
                .extracting(StreamNode::getOperatorName)
                .contains("Decode requests", "Cancellation gate", "Route by job type", "Analyze");
        assertThat(graph.getStreamNodes())
                .extracting(StreamNode::getMaxParallelism)
                .containsOnly(VoicePipelineJob.MAX_PARALLELISM);
        assertThat(graph.getStreamNodes())
                .extracting(StreamNode::getTransformationUID)
                .contains(
                        "requests-source",
                        "interactive-requests-source",
                        "cancellation-gate",
                        "interactive-cancellation-gate",
                        "events-sink",
                        "interactive-events-sink");
        // building the job graph serializes every operator and connector, as a submission does
        JobGraph jobGraph = graph.getJobGraph();
        assertThat(jobGraph.getNumberOfVertices()).isPositive();
        assertThat(connectedParts(jobGraph))
                .as("the latency classes share no task: a failure or backpressure in one " + "does not reach the other")
                .isEqualTo(LatencyClass.values().length);
    }

    @Test
    void theJobNeverGivesUpAndALongRecordFailsNoCheckpointsInARowBeyondWhatIsTolerated() {
        JobLimits limits = new JobLimits(JobLimits.DEFAULT_MAX_MEDIA_SECONDS, Duration.ofHours(2));
        Configuration conf = VoicePipelineJob.configuration(PipelineConfig.builder()
                .withKafkaBootstrap("k:9092")
                .withJdbc("jdbc:x", null, null)
                .withStorageUri("file:///x")
                .withCheckpointIntervalMs(1000)
                .withParallelism(2)
                .withModelsDir("models/cache")
                .withLimits(limits)
                .build());

        assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("exponential-delay");
        assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS))
                .isEqualTo(Integer.MAX_VALUE);
        Duration expiring = conf.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT)
                .multipliedBy(conf.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER));
        assertThat(expiring)
                .as("checkpoints a record as long as the time limit lets expire, tolerated")
                .isGreaterThan(limits.jobTimeout());
    }

    @Test
    void identicalGenerationsOfATenantShareOneSynthesisAndTenantsShareNothing() throws Exception {
        EspeakRequired.assumeInstalled("VoicePipelineJobTest.identicalGenerations");
        String text = "ഒരേ വാക്യം "
                + UUID.randomUUID().toString().replaceAll("[0-9-]", "").substring(0, 6) + ".";
        Map<String, String> own =
                new GenerateJob(text, Language.ML, null, Prosody.NEUTRAL, AudioFormat.WAV, false).toParameters();
        Map<String, String> shared = new HashMap<>(own);
        shared.put(GenerateJob.SHARED_CACHE, "true");
        List<String> requests = new ArrayList<>();
        // job ids that a job-keyed operator would run on both subtasks at once
        for (String jobId : jobIdsOnEverySubtask("gen-a-", 2, 3)) {
            requests.add(json(RawRecords.of(
                    VoiceRequest.submit(jobId, "tenant-a", JobType.GENERATE, own, Map.of(), Requests.AT))));
        }
        requests.add(json(
                RawRecords.of(VoiceRequest.submit("gen-b", "tenant-b", JobType.GENERATE, own, Map.of(), Requests.AT))));
        requests.add(json(RawRecords.of(
                VoiceRequest.submit("gen-shared-a", "tenant-a", JobType.GENERATE, shared, Map.of(), Requests.AT))));
        requests.add(json(RawRecords.of(
                VoiceRequest.submit("gen-shared-b", "tenant-b", JobType.GENERATE, shared, Map.of(), Requests.AT))));
        CollectSink<VoiceEvent> events = new CollectSink<>();

        run(requests, TestPipelines.eventsOnly(events));

        Map<String, VoiceEvent> done = events.received().stream()
                .filter(e -> e.status().isFinal())
                .collect(Collectors.toMap(VoiceEvent::jobId, e -> e));
        assertThat(done)
                .hasSize(requests.size())
                .allSatisfy((job, e) -> assertThat(e.kind()).isEqualTo(EventKind.COMPLETED));
        assertThat(done)
                .as("each job answers its own copy, marked for it")
                .allSatisfy((job, e) ->
                        assertThat(e.outputs().get(GenerateJob.AUDIO)).isEqualTo("jobs/" + job + "/outputs/audio.wav"));
        Map<String, List<VoiceEvent>> byAudio =
                done.values().stream().collect(Collectors.groupingBy(VoicePipelineJobTest::cacheObject));
        assertThat(byAudio).as("one object per cache scope").hasSize(3).allSatisfy((key, answers) -> {
            assertThat(storageRoot.resolve(key)).exists();
            assertThat(answers)
                    .filteredOn(e -> !cached(e))
                    .as("one synthesis for %s", key)
                    .hasSize(1);
        });
        assertThat(byAudio.get(cacheObject(done.get("gen-b"))))
                .singleElement()
                .as("the other tenant's cache is its own: a miss")
                .satisfies(e -> assertThat(cached(e)).isFalse());
        assertThat(cacheObject(done.get("gen-b"))).startsWith("cache/tts/tenants/tenant-b/");
        assertThat(cacheObject(done.get("gen-shared-a")))
                .as("tenants that share, share")
                .isEqualTo(cacheObject(done.get("gen-shared-b")))
                .startsWith("cache/tts/shared/");
    }

    /** The synthesis cache's object a generation's result names. */
    private static String cacheObject(VoiceEvent generated) {
        JsonNode result = RecordCodec.readTree(generated.result());
        return CacheScope.of(generated.tenantId(), result.path("sharedCache").asBoolean())
                .storageKey(
                        result.path("cacheKey").asText(), result.path("format").asText());
    }

    /** Both latency classes read the same bounded records and write into the same sinks. */
    private void run(List<String> requests, JobSinks sinks) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(TestPipelines.configuration(200));
        env.setParallelism(2);
        VoicePipelineJob.ClassConnectors connectors =
                new VoicePipelineJob.ClassConnectors(TestPipelines.source(requests), sinks);
        TestPipelines.job(connectors, storageRoot).build(env);
        env.execute("voice-pipeline-test");
    }

    private static boolean cached(VoiceEvent completed) {
        return RecordCodec.readTree(completed.result()).path("cached").asBoolean();
    }

    /** {@code perSubtask} job ids for each of {@code parallelism} subtasks of an operator keyed by job id. */
    private static List<String> jobIdsOnEverySubtask(String prefix, int parallelism, int perSubtask) {
        Map<Integer, List<String>> bySubtask = new HashMap<>();
        for (int i = 0;
                bySubtask.size() < parallelism || bySubtask.values().stream().anyMatch(ids -> ids.size() < perSubtask);
                i++) {
            String jobId = prefix + i;
            List<String> ids = bySubtask.computeIfAbsent(
                    KeyGroupRangeAssignment.assignKeyToParallelOperator(
                            jobId, VoicePipelineJob.MAX_PARALLELISM, parallelism),
                    subtask -> new ArrayList<>());
            if (ids.size() < perSubtask) {
                ids.add(jobId);
            }
        }
        return bySubtask.values().stream().flatMap(List::stream).toList();
    }

    /** How many groups of tasks the job graph has that no edge joins: each restarts and backpressures on its own. */
    private static int connectedParts(JobGraph graph) {
        Map<JobVertexID, JobVertexID> parent = new HashMap<>();
        graph.getVertices().forEach(vertex -> parent.put(vertex.getID(), vertex.getID()));
        for (JobVertex vertex : graph.getVertices()) {
            for (JobEdge input : vertex.getInputs()) {
                parent.put(root(parent, input.getSource().getProducer().getID()), root(parent, vertex.getID()));
            }
        }
        return (int)
                parent.keySet().stream().map(id -> root(parent, id)).distinct().count();
    }

    private static JobVertexID root(Map<JobVertexID, JobVertexID> parent, JobVertexID id) {
        JobVertexID root = id;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        return root;
    }

    private static String json(RawRecord record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
