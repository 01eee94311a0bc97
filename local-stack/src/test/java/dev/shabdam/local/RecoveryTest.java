package dev.shabdam.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.pipeline.media.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A job whose operator crashes mid-way is finished exactly once after Flink restores from its checkpoint. */
@ExtendWith(SharedStack.class)
class RecoveryTest {

    private final Api api = SharedStack.api(SharedStack.TENANT_A_KEY);

    @Test
    void crashedJobCompletesOnceWithTheSameOutput(@TempDir Path dir) throws Exception {
        byte[] wav = Files.readAllBytes(TestMedia.wav(dir.resolve("voice.wav"), 22_050, 2, 1.0, 220));
        JsonNode undisturbed = Api.json(api.upload("/voice/analyze?wait=60", "voice.wav", wav));
        assertThat(undisturbed.path("status").asText()).isEqualTo("COMPLETED");

        int crashesBefore = SharedStack.probe().crashes();
        SharedStack.probe().armFor(wav);
        HttpResponse<String> submitted = api.upload("/voice/analyze?wait=60", "voice.wav", wav);
        JsonNode recovered = Api.json(submitted);
        String jobId = recovered.path("jobId").asText();

        assertThat(SharedStack.probe().crashes())
                .as("the injected crash happened")
                .isEqualTo(crashesBefore + 1);
        assertThat(recovered.path("status").asText()).as(submitted.body()).isEqualTo("COMPLETED");
        assertThat(recovered.path("result")).isEqualTo(undisturbed.path("result"));
        assertThat(api.getBytes("/jobs/" + jobId + "/outputs/report", null).body())
                .as("the report written after recovery is byte for byte the undisturbed one")
                .isEqualTo(api.getBytes("/jobs/" + undisturbed.path("jobId").asText() + "/outputs/report", null)
                        .body());

        assertThat(JobRecords.eventRows(SharedStack.stack().database(), jobId))
                .containsExactly("1:PROGRESS", "2:PROGRESS", "3:PROGRESS", "4:COMPLETED");
        List<Integer> published = JobRecords.publishedSeqs(SharedStack.stack().kafkaBootstrap(), jobId, 4);
        assertThat(published)
                .as("committed voice.events of the job, no duplicates")
                .containsExactly(1, 2, 3, 4);
    }
}
