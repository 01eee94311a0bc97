package dev.shabdam.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.pipeline.dubbing.DubAssembler;
import dev.shabdam.pipeline.media.AudioDecoder;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.synthesis.engine.EspeakRequired;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.jobs.DubEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline on a real Flink cluster (a JobManager and two TaskManagers, each its own JVM, the job jar
 * submitted over REST), and a TaskManager killed with SIGKILL in the middle of a dub: the dub completes
 * exactly once, with the video of an undisturbed run and no line spoken twice, and the TaskManager started
 * again rejoins.
 * Kafka's {@code KafkaSinkITCase.testRecoveryWithExactlyOnceGuarantee}, with a process kill for the failure.
 */
class TaskManagerKillOwnStackTest {
    private static final String KEY = "key-cluster";
    /** About two and a half minutes of clip: long enough that a kill lands in the middle of the lines. */
    private static final int LINES = 40;

    @TempDir
    static Path dir;

    private static LocalStack stack;
    private static ClusterPipeline pipeline;
    private static DubSample sample;

    @BeforeAll
    static void startTheCluster() throws Exception {
        EspeakRequired.assumeInstalled("TaskManagerKillOwnStackTest");
        sample = DubSample.make(dir, LINES);
        pipeline = TestStacks.cluster(2, 2);
        stack = LocalStack.start(
                TestStacks.settings()
                        .apiKeys("cluster:" + KEY)
                        .parallelism(2)
                        // a folder every process of this machine shares, which the test reads to see what was stored
                        // when
                        .fileStorage(true)
                        .build(),
                pipeline);
    }

    @AfterAll
    static void stopTheCluster() {
        TestStacks.stop(stack);
    }

    @Test
    void aDubCompletesOnceWithTheSameOutputsWhenATaskManagerIsKilled() throws Exception {
        Api api = new Api(stack.gatewayUrl(), KEY);
        FlinkCluster cluster = pipeline.cluster();
        // the TaskManager to kill runs tasks of the job, so that its death is a failover
        int victimIndex = cluster.busyTaskManager();
        String victim = cluster.taskManagerId(victimIndex);
        String survivor = cluster.taskManagerId(1 - victimIndex);
        assertThat(cluster.taskManagerIds()).containsExactlyInAnyOrder(victim, survivor);

        JsonNode clean = Dubs.awaitEnd(api, Dubs.submit(api, sample), Duration.ofMinutes(5));
        assertThat(clean.path("status").asText()).as("%s", clean).isEqualTo("COMPLETED");

        Instant submitted = Instant.now();
        String jobId = Dubs.submit(api, sample);
        await("a line stored while the dub runs")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> linesStored(jobId) >= 1);
        long linesStoredAtKill = linesStored(jobId);
        assertThat(linesStoredAtKill).as("lines stored at the kill").isLessThan(LINES);
        assertThat(status(api, jobId))
                .as("the dub is still running at the kill")
                .isEqualTo("RUNNING");
        Map<Path, byte[]> storedAtKill = storedLines(jobId);
        Instant killed = Instant.now();
        cluster.killTaskManager(victimIndex);
        cluster.restartTaskManager(victimIndex);
        Instant restartedProcess = Instant.now();

        JsonNode recovered = Dubs.awaitEnd(api, jobId, Duration.ofMinutes(5));
        Instant completed = Instant.now();
        assertThat(recovered.path("status").asText()).as("%s", recovered).isEqualTo("COMPLETED");

        String rejoined = cluster.taskManagerId(victimIndex);
        await("the restarted TaskManager registered and the killed one gone")
                .atMost(Duration.ofMinutes(1))
                .until(() -> Set.copyOf(cluster.taskManagerIds()).equals(Set.of(rejoined, survivor)));
        Instant rejoinedAt = Instant.now();
        JsonNode flinkJob = cluster.rest().job(pipeline.jobId());
        Instant jobRunningAgain =
                Instant.ofEpochMilli(flinkJob.path("timestamps").path("RUNNING").asLong());

        System.out.printf(
                "TaskManagerKillOwnStackTest timeline (from the dub's submission): %d lines stored at the kill;"
                        + " SIGKILL to %s at %.1f s; its process started again at %.1f s; Flink job RUNNING again"
                        + " at %.1f s; dub COMPLETED seen at %.1f s; %s registered at %.1f s%n",
                linesStoredAtKill,
                victim,
                seconds(submitted, killed),
                seconds(submitted, restartedProcess),
                seconds(submitted, jobRunningAgain),
                seconds(submitted, completed),
                rejoined,
                seconds(submitted, rejoinedAt));

        assertThat(jobRunningAgain).as("the Flink job restarted after the kill").isAfter(killed);
        assertThat(JobRecords.count(
                        stack.database(),
                        "SELECT count(*) FROM job_events WHERE job_id = ? AND seq = " + DubEvents.FINAL
                                + " AND created_at > ?::timestamptz",
                        jobId,
                        killed.toString()))
                .as("the dub ended after the kill")
                .isEqualTo(1);

        assertThat(VideoPackets.hashes(download(api, recovered, DubAssembler.VIDEO, "video.mp4")))
                .as("the video packets, byte for byte those of the undisturbed run")
                .isEqualTo(VideoPackets.hashes(download(api, clean, DubAssembler.VIDEO, "clean-video.mp4")));
        // espeak-ng is not bit-repeatable (EspeakSynthesizerTest), so the track of two runs differs by the lines'
        // rendering: what proves exactly-once is that every line stored before the kill was not spoken again
        assertThat(storedAtKill).as("lines stored before the kill").isNotEmpty();
        Map<Path, byte[]> storedAtEnd = storedLines(jobId);
        assertThat(storedAtEnd).as("every line stored once, under its own key").hasSize(LINES);
        storedAtKill.forEach((line, bytes) -> assertThat(storedAtEnd.get(line))
                .as("%s, stored before the kill, was not spoken again", line)
                .isEqualTo(bytes));
        DecodedAudio track = new AudioDecoder()
                .decode(download(api, recovered, DubAssembler.AUDIO, "audio.wav")
                        .toFile());
        DecodedAudio cleanTrack = new AudioDecoder()
                .decode(download(api, clean, DubAssembler.AUDIO, "clean-audio.wav")
                        .toFile());
        assertThat(track.frames()).as("the track's length").isEqualTo(cleanTrack.frames());

        assertThat(JobRecords.count(stack.database(), "SELECT count(*) FROM jobs WHERE type = 'DUB'"))
                .as("one jobs row per dub submitted")
                .isEqualTo(2);
        String cleanId = clean.path("jobId").asText();
        assertThat(JobRecords.eventRows(stack.database(), jobId))
                .isEqualTo(JobRecords.eventRows(stack.database(), cleanId));
        List<Integer> published = JobRecords.publishedSeqs(stack.kafkaBootstrap(), jobId, DubEvents.FINAL);
        assertThat(published)
                .as("committed voice.events of the dub: none twice, the same as the undisturbed run's")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        JobRecords.publishedSeqs(stack.kafkaBootstrap(), cleanId, DubEvents.FINAL));
    }

    private static long linesStored(String jobId) throws Exception {
        return JobRecords.count(
                stack.database(),
                "SELECT count(*) FROM job_events WHERE job_id = ? AND stage = '" + DubEvents.SYNTHESIZE + "'",
                jobId);
    }

    private static String status(Api api, String jobId) {
        return Api.json(api.get("/jobs/" + jobId)).path("status").asText();
    }

    private static Path download(Api api, JsonNode job, String output, String fileName) throws IOException {
        HttpResponse<byte[]> response =
                api.getBytes(job.path("outputs").path(output).asText(), null);
        assertThat(response.statusCode()).isEqualTo(200);
        return Files.write(dir.resolve(fileName), response.body());
    }

    /** The job's lines in storage that are whole (their description is written after the audio): audio bytes by path. */
    private static Map<Path, byte[]> storedLines(String jobId) throws IOException {
        Path segments = Path.of(URI.create(stack.storage().uri())).resolve(StorageKeys.workOf(jobId) + "segments");
        Map<Path, byte[]> lines = new TreeMap<>();
        if (!Files.isDirectory(segments)) {
            return lines;
        }
        try (Stream<Path> folders = Files.list(segments)) {
            for (Path folder : folders.toList()) {
                if (Files.exists(folder.resolve("dub.json"))) {
                    lines.put(segments.relativize(folder), Files.readAllBytes(folder.resolve("dub.wav")));
                }
            }
        }
        return lines;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
