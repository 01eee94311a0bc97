package dev.shabdam.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.schemas.RecordCodec;

import java.io.IOException;
import java.io.PrintStream;

/** Shows a job's progress from its events and answers its final state. */
final class JobFollower {
    private final ShabdamClient client;
    private final ProgressBar bar;

    JobFollower(ShabdamClient client, PrintStream terminal) {
        this.client = client;
        this.bar = new ProgressBar(terminal);
    }

    JsonNode follow(String jobId) throws IOException, InterruptedException {
        bar.show(0, "QUEUED");
        client.followEvents(jobId, event -> {
            if (event.name().equals("progress")) {
                JsonNode data = RecordCodec.readTree(event.data());
                bar.show(
                        data.path("percent").asDouble() / 100,
                        data.path("stage").asText());
            }
        });
        JsonNode job = client.job(jobId);
        bar.finish(job.path("status").asText());
        return job;
    }
}
