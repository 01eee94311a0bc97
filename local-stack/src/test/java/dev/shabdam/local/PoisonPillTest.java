package dev.shabdam.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.pipeline.media.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request whose work crashes its task on every try (a poison pill) is tried once more, then ends FAILED
 * with a reason, instead of restarting the pipeline until Flink gives up; the pipeline goes on serving
 * everyone else.
 */
@ExtendWith(SharedStack.class)
class PoisonPillTest {
    private final Api tenantA = SharedStack.api(SharedStack.TENANT_A_KEY);
    private final Api tenantB = SharedStack.api(SharedStack.TENANT_B_KEY);

    @Test
    void anAnalysisThatCrashesItsTaskOnEveryTryEndsFailedAndTheNextTenantIsServed(@TempDir Path dir) throws Exception {
        JsonNode poisoned = poison(dir, 311, CrashingProbe.InjectedCrash::new);

        assertThat(poisoned.path("error").path("code").asText())
                .as("%s", poisoned)
                .isEqualTo("internal_error");
        assertThat(poisoned.path("error").path("detail").asText()).contains("InjectedCrash");
        assertNextTenantIsServed(dir);
    }

    @Test
    void anAnalysisThatRunsOutOfMemoryOnEveryTryEndsResourceExhausted(@TempDir Path dir) throws Exception {
        JsonNode poisoned = poison(dir, 313, () -> new OutOfMemoryError("Java heap space (injected)"));

        assertThat(poisoned.path("error").path("code").asText())
                .as("%s", poisoned)
                .isEqualTo("resource_exhausted");
        assertNextTenantIsServed(dir);
    }

    /** Tenant A's analysis of a file the probe crashes on, every time: the job as it ended. */
    private JsonNode poison(Path dir, int hz, Supplier<? extends Error> crash) throws Exception {
        byte[] wav = Files.readAllBytes(TestMedia.wav(dir.resolve("poison.wav"), 16_000, 1, 0.5, hz));
        int crashesBefore = SharedStack.probe().crashes();
        SharedStack.probe().armForEveryTry(wav, crash);

        HttpResponse<String> answer = tenantA.upload("/voice/analyze?wait=60", "poison.wav", wav);

        JsonNode job = Api.json(answer);
        assertThat(job.path("status").asText()).as(answer.body()).isEqualTo("FAILED");
        assertThat(SharedStack.probe().crashes())
                .as("the first try and one retry, no more")
                .isEqualTo(crashesBefore + 2);
        return job;
    }

    /** A job of another tenant submitted after the poison pill completes. */
    private void assertNextTenantIsServed(Path dir) throws Exception {
        byte[] wav = Files.readAllBytes(TestMedia.wav(dir.resolve("fine.wav"), 16_000, 1, 0.5, 440));
        HttpResponse<String> answer = tenantB.upload("/voice/analyze?wait=60", "fine.wav", wav);
        assertThat(Api.json(answer).path("status").asText()).as(answer.body()).isEqualTo("COMPLETED");
    }
}
