package dev.shabdam.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.pipeline.synthesis.engine.EspeakRequired;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User code runs child-first, in a class loader per job on each TaskManager, and loads native libraries
 * (espeak-ng through JNA, FFmpeg through javacv/JavaCPP). A job submitted again to the same TaskManager
 * process gets a new class loader: its dub must load them again, without an {@code UnsatisfiedLinkError:
 * already loaded in another classloader}. One TaskManager with one slot, so every task runs in that JVM.
 */
class NativeReloadOwnStackTest {
    private static final String KEY = "key-reload";

    @TempDir
    static Path dir;

    private static LocalStack stack;
    private static ClusterPipeline pipeline;
    private static DubSample sample;

    @BeforeAll
    static void startTheCluster() throws Exception {
        EspeakRequired.assumeInstalled("NativeReloadOwnStackTest");
        sample = DubSample.make(dir, 3);
        pipeline = TestStacks.cluster(1, 1);
        stack = LocalStack.start(
                TestStacks.settings().apiKeys("reload:" + KEY).parallelism(1).build(), pipeline);
    }

    @AfterAll
    static void stopTheCluster() {
        TestStacks.stop(stack);
    }

    @Test
    void aJobSubmittedAgainLoadsTheNativeLibrariesAgainInTheSameTaskManager() throws Exception {
        Api api = new Api(stack.gatewayUrl(), KEY);
        long taskManager = pipeline.cluster().taskManagerPid(0);
        JsonNode first = dub(api);
        assertThat(first.path("status").asText()).as("%s", first).isEqualTo("COMPLETED");

        String firstJob = pipeline.jobId();
        pipeline.resubmit();
        assertThat(pipeline.jobId()).isNotEqualTo(firstJob);
        assertThat(pipeline.cluster().taskManagerPid(0))
                .as("the same TaskManager process runs the new job")
                .isEqualTo(taskManager);

        JsonNode second = dub(api);
        assertThat(second.path("status").asText())
                .as("a dub in the new class loader: %s", second)
                .isEqualTo("COMPLETED");
    }

    private static JsonNode dub(Api api) throws IOException {
        return Dubs.awaitEnd(api, Dubs.submit(api, sample), Duration.ofMinutes(3));
    }
}
