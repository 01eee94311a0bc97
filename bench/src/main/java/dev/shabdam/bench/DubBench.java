package dev.shabdam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.local.DubSample;
import dev.shabdam.local.FreePort;
import dev.shabdam.local.LocalStack;
import dev.shabdam.local.StackSettings;
import dev.shabdam.local.cli.ShabdamClient;
import dev.shabdam.pipeline.media.AudioDecoder;
import dev.shabdam.schemas.jobs.DubJob;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./shabdam bench dub}: a 5-minute clip with its subtitles and translation (made here, see
 * {@link DubSample}) dubbed through the whole stack, measured side by side in one run:
 * <ul>
 *   <li>one job alone: wall time (upload to COMPLETED) over media duration, at parallelism 1 and 2;</li>
 *   <li>four jobs at once: their throughput at parallelism 2 against 1 (a fresh stack each);</li>
 *   <li>our mux of the dubbed track against {@code ffmpeg -c:v copy} on the same files.</li>
 * </ul>
 * Prints a Markdown table.
 */
public final class DubBench {
    /** About 2.75 s a line with its gap: five minutes. */
    private static final int LINES = 110;

    private static final int CONCURRENT_JOBS = 4;

    private DubBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("shabdam-dub-bench-");
        System.err.println("making a clip of " + LINES + " lines …");
        DubSample sample = DubSample.make(dir, LINES);
        Map<String, Path> parts = DubJob.inputs(sample.video(), sample.subtitles(), sample.translation());

        StringBuilder table = new StringBuilder(String.format(
                "%n| dub of a %.0f s clip, %d lines (subtitles and translation given) | parallelism 1 | parallelism 2 |%n|---|---:|---:|%n",
                sample.durationSec(), LINES));
        double[] alone = new double[2];
        double[] throughput = new double[2];
        List<Map<String, Double>> stages = new ArrayList<>();
        Path dubbed = null;
        for (int parallelism = 1; parallelism <= 2; parallelism++) {
            StackSettings settings = StackSettings.builder()
                    .environment(System.getenv())
                    .parallelism(parallelism)
                    .gatewayPort(FreePort.find())
                    .flinkUiPort(FreePort.find())
                    .build();
            try (LocalStack stack = LocalStack.start(settings)) {
                ShabdamClient client = new ShabdamClient(stack.gatewayUrl(), settings.firstApiKey());
                dub(client, parts); // warm-up: natives, espeak, the S3 plugin
                long begin = System.nanoTime();
                JsonNode job = dub(client, parts);
                alone[parallelism - 1] = (System.nanoTime() - begin) / 1e9;
                if (dubbed == null) {
                    dubbed = dir.resolve("dubbed.wav");
                    client.download(job.path("outputs").path("audio").asText(), dubbed);
                }
                begin = System.nanoTime();
                ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT_JOBS);
                List<Future<JsonNode>> jobs = new ArrayList<>();
                for (int k = 0; k < CONCURRENT_JOBS; k++) {
                    jobs.add(clients.submit(() -> dub(client, parts)));
                }
                for (Future<JsonNode> running : jobs) {
                    running.get();
                }
                clients.shutdown();
                double seconds = (System.nanoTime() - begin) / 1e9;
                throughput[parallelism - 1] = CONCURRENT_JOBS * sample.durationSec() / seconds;
                System.err.printf(
                        "parallelism %d: one job %.1f s, %d jobs %.1f s%n",
                        parallelism, alone[parallelism - 1], CONCURRENT_JOBS, seconds);
                stages.add(stageMedians(client));
            }
        }
        table.append(String.format("| one job: wall time | %.1f s | %.1f s |%n", alone[0], alone[1]));
        table.append(String.format(
                "| one job: wall time / media time (goal ≤ 0.25) | %.3f | %.3f |%n",
                alone[0] / sample.durationSec(), alone[1] / sample.durationSec()));
        table.append(String.format(
                "| %d jobs at once: media seconds dubbed per second | %.2f | %.2f |%n",
                CONCURRENT_JOBS, throughput[0], throughput[1]));
        table.append(String.format(
                "| %d jobs at once: parallelism 2 over 1 (goal ≥ 1.7×) | | %.2f× |%n",
                CONCURRENT_JOBS, throughput[1] / throughput[0]));
        for (String stage : stages.get(0).keySet()) {
            table.append(String.format(
                    "| stage %s: median over the %d dubs | %.1f s | %.1f s |%n",
                    stage,
                    CONCURRENT_JOBS + 2,
                    stages.get(0).get(stage) / 1000,
                    stages.get(1).getOrDefault(stage, Double.NaN) / 1000));
        }
        table.append(muxRow(sample.video(), dubbed, dir));
        System.out.print(table);
        ScratchFolder.delete(dir);
        System.exit(0);
    }

    private static JsonNode dub(ShabdamClient client, Map<String, Path> parts) throws Exception {
        String jobId = client.submit("/voice/dub", parts);
        while (true) {
            JsonNode job = client.job(jobId);
            switch (job.path("status").asText()) {
                case "COMPLETED" -> {
                    return job;
                }
                case "FAILED", "CANCELLED" -> throw new IllegalStateException("the dub did not complete: " + job);
                default -> TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    /** The median duration of each stage of the stack's DUB jobs, in ms, from /voice/analytics. */
    private static Map<String, Double> stageMedians(ShabdamClient client) throws Exception {
        Map<String, Double> medians = new LinkedHashMap<>();
        for (JsonNode group : client.get("/voice/analytics?groupBy=type").path("groups")) {
            if (group.path("key").asText().equals("DUB")) {
                group.path("stages")
                        .forEach(stage -> medians.put(
                                stage.path("stage").asText(),
                                stage.path("p50Ms").asDouble()));
            }
        }
        return medians;
    }

    /** Our mux of the dubbed track beside the clip's video against ffmpeg's, best of 3 each. */
    private static String muxRow(Path video, Path dubbedWav, Path dir) throws Exception {
        MuxBench.Timing best =
                MuxBench.bestOfThree(video, new AudioDecoder().decode(dubbedWav.toFile()), dubbedWav, dir);
        return String.format(
                "| mux step: ours / ffmpeg -c:v copy -c:a aac (goal ≤ 1.2×) | %d / %d ms = %.2f× | |%n",
                best.oursMs(), best.ffmpegMs(), best.ratio());
    }
}
