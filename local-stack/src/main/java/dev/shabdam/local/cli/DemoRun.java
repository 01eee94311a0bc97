package dev.shabdam.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.schemas.RecordCodec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/** The client half of the demo: submit, follow, print, save the job and its outputs. */
public final class DemoRun {
    private final ShabdamClient client;
    private final Path out;

    public DemoRun(String url, String apiKey, Path out) {
        this.client = new ShabdamClient(url, apiKey);
        this.out = out;
    }

    public JsonNode analyze(Path media) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        String jobId = client.submit("/voice/analyze", media);
        System.err.println("job " + jobId + " submitted (POST /voice/analyze)");
        JsonNode job = new JobFollower(client, System.err).follow(jobId);
        System.err.printf("round trip %.2f s%n", (System.nanoTime() - begin) / 1e9);
        System.out.print(ResultTable.render(job));

        RecordCodec.mapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve("job.json").toFile(), job);
        for (Iterator<Map.Entry<String, JsonNode>> it = job.path("outputs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> output = it.next();
            client.download(output.getValue().asText(), out.resolve(output.getKey() + ".json"));
        }
        return job;
    }
}
