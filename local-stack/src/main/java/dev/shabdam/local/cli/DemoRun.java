package dev.shabdam.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.jobs.AnalyzeJob;
import dev.shabdam.schemas.jobs.DubJob;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/** The client half of the demo: submit, follow, print, save the job and its outputs. */
public final class DemoRun {
    private final ShabdamClient client;
    private final Path out;

    public DemoRun(String url, String apiKey, Path out) {
        this(new ShabdamClient(url, apiKey), out);
    }

    public DemoRun(ShabdamClient client, Path out) {
        this.client = client;
        this.out = out;
    }

    /** Analyses {@code media}; its report is saved as {@code report.json}. */
    public JsonNode analyze(Path media) throws IOException, InterruptedException {
        return run("/voice/analyze", AnalyzeJob.inputs(media));
    }

    /** Dubs {@code video} with its subtitles and their translation; the outputs are saved under their file names. */
    public JsonNode dub(Path video, Path subtitles, Path translation) throws IOException, InterruptedException {
        return run("/voice/dub", DubJob.inputs(video, subtitles, translation));
    }

    /** Submits the files as the named parts of {@code path}, follows the job, prints it and saves its outputs. */
    public JsonNode run(String path, Map<String, Path> parts) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        String jobId = client.submit(path, parts);
        System.err.println("job " + jobId + " submitted (POST " + path + ")");
        JsonNode job = new JobFollower(client, System.err).follow(jobId);
        System.err.printf("round trip %.2f s%n", (System.nanoTime() - begin) / 1e9);
        System.out.print(ResultTable.render(job));

        RecordCodec.mapper()
                .writerWithDefaultPrettyPrinter()
                .writeValue(out.resolve("job.json").toFile(), job);
        for (Iterator<Map.Entry<String, JsonNode>> it = job.path("outputs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> output = it.next();
            client.download(output.getValue().asText(), out.resolve(fileName(output.getKey())));
        }
        return job;
    }

    /** Where an output is saved: its name with the extension of what the job writes under it. */
    static String fileName(String output) {
        return output
                + switch (output) {
                    case "video" -> ".mp4";
                    case "audio" -> ".wav";
                    case "subtitles-source", "subtitles-target" -> ".srt";
                    default -> ".json";
                };
    }
}
