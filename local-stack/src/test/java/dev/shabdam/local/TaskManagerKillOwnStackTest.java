package dev.shabdam.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.pipeline.dubbing.DubAssembler;
import dev.shabdam.pipeline.media.AudioDecoder;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.synthesis.engine.EspeakRequired;
import dev.shabdam.schemas.jobs.DubEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline on a real Flink cluster (a JobManager and two TaskManagers, each its own JVM, the job jar
 * submitted over REST), and a TaskManager killed with SIGKILL in the middle of a dub: the dub completes
 * exactly once, with the outputs of an undisturbed run, and the TaskManager started again rejoins.
 * Kafka's {@code KafkaSinkITCase.testRecoveryWithExactlyOnceGuarantee}, with a process kill for the failure.
 */
class TaskManagerKillOwnStackTest {
    private static final String KEY = "key-cluster";
    /** About two and a half minutes of clip: long enough that a kill lands in the middle of the lines. */
    private static final int LINES = 40;

    private static final int KILLED = 0;

    @TempDir
    static Path dir;

    private static LocalStack stack;
    private static ClusterPipeline pipeline;
    private static DubSample sample;

    @BeforeAll
    static void startTheCluster() throws Exception {
        EspeakRequired.assumeInstalled("TaskManagerKillOwnStackTest");
        sample = DubSample.make(dir, LINES);
        pipeline = new ClusterPipeline(new ClusterSettings(
                2,
                2,
                FlinkDistribution.fromEnvironment(System.getenv(), Path.of("../" + FlinkDistribution.BUILT)),
                Path.of("../" + ClusterSettings.BUILT_JOB_JAR)));
        stack = LocalStack.start(
                TestStacks.settings().apiKeys("cluster:" + KEY).parallelism(2).build(), pipeline);
    }

    @AfterAll
    static void stopTheCluster() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aDubCompletesOnceWithTheSameOutputsWhenATaskManagerIsKilled() throws Exception {
        Api api = new Api(stack.gatewayUrl(), KEY);
        FlinkCluster cluster = pipeline.cluster();
        String victim = cluster.taskManagerId(KILLED);
        String survivor = cluster.taskManagerId(1 - KILLED);
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
        Instant killed = Instant.now();
        cluster.killTaskManager(KILLED);
        cluster.restartTaskManager(KILLED);
        Instant restartedProcess = Instant.now();

        JsonNode recovered = Dubs.awaitEnd(api, jobId, Duration.ofMinutes(5));
        Instant completed = Instant.now();
        assertThat(recovered.path("status").asText()).as("%s", recovered).isEqualTo("COMPLETED");

        String rejoined = cluster.taskManagerId(KILLED);
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
        // the mix is not bit-exact between two runs of one request, killed or not (1-LSB differences from the
        // first sample on: a gain computed in floating point); a line missing or mixed twice is a whole voice
        DecodedAudio track = new AudioDecoder()
                .decode(download(api, recovered, DubAssembler.AUDIO, "audio.wav")
                        .toFile());
        DecodedAudio cleanTrack = new AudioDecoder()
                .decode(download(api, clean, DubAssembler.AUDIO, "clean-audio.wav")
                        .toFile());
        assertThat(track.frames()).isEqualTo(cleanTrack.frames());
        double largest = largestDifference(track.channels()[0], cleanTrack.channels()[0]);
        System.out.printf(
                "TaskManagerKillOwnStackTest: the track differs from the undisturbed one by %.1e at most%n", largest);
        assertThat(largest)
                .as("the dubbed track, sample for sample that of the undisturbed run (below -60 dBFS)")
                .isLessThan(1e-3);

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

    private static double largestDifference(float[] a, float[] b) {
        double largest = 0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, Math.abs(a[i] - b[i]));
        }
        return largest;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
