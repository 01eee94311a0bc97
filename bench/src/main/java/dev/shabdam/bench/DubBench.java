package dev.shabdam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.local.ClusterPipeline;
import dev.shabdam.local.ClusterSettings;
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
 * {@code ./shabdam bench dub [--minutes N]}: a clip of N minutes (5 unless told) with its subtitles and
 * translation (made here, see {@link DubSample}) dubbed through the whole stack with the pipeline on a
 * real Flink cluster ({@code ./shabdam cluster}: a JobManager and TaskManager processes, the job jar over
 * REST), in three layouts measured side by side in one run, a fresh cluster each, the job's parallelism
 * its slots:
 * <ul>
 *   <li>1 TaskManager × 1 slot, 2 TaskManagers × 1 slot, 1 TaskManager × 2 slots;</li>
 *   <li>one job alone: wall time (upload to COMPLETED) over media duration;</li>
 *   <li>four jobs at once: their throughput, and each layout's over 1 × 1;</li>
 *   <li>our mux of the dubbed track against {@code ffmpeg -c:v copy} on the same files.</li>
 * </ul>
 * Prints a Markdown table, with the machine's processor count beside it: on fewer cores than slots the
 * slots share them, and the ratios say so.
 */
public final class DubBench {
    /** About 2.75 s a line with its gap: 110 lines are five minutes. */
    private static final int LINES_PER_MINUTE = 22;

    private static final int CONCURRENT_JOBS = 4;

    /** TaskManagers × slots of each layout; the first is what the others are measured against. */
    private static final int[][] LAYOUTS = {{1, 1}, {2, 1}, {1, 2}};

    private DubBench() {}

    public static void main(String[] args) throws Exception {
        double minutes = args.length == 2 && args[0].equals("--minutes") ? Double.parseDouble(args[1]) : 5;
        int lines = Math.max(1, (int) Math.round(LINES_PER_MINUTE * minutes));
        Path dir = Files.createTempDirectory("shabdam-dub-bench-");
        System.err.println("making a clip of " + lines + " lines …");
        DubSample sample = DubSample.make(dir, lines);
        Map<String, Path> parts = DubJob.inputs(sample.video(), sample.subtitles(), sample.translation());
        ClusterSettings built = ClusterSettings.fromEnvironment(System.getenv(), Path.of(""));

        int n = LAYOUTS.length;
        double[] alone = new double[n];
        double[] throughput = new double[n];
        List<Map<String, Double>> stages = new ArrayList<>();
        Path dubbed = null;
        for (int l = 0; l < n; l++) {
            ClusterSettings layout =
                    new ClusterSettings(LAYOUTS[l][0], LAYOUTS[l][1], built.distribution(), built.jobJar());
            StackSettings settings = StackSettings.builder()
                    .environment(System.getenv())
                    .parallelism(layout.taskManagers() * layout.slotsPerTaskManager())
                    .gatewayPort(FreePort.find())
                    .flinkUiPort(FreePort.find())
                    .build();
            try (LocalStack stack = LocalStack.start(settings, new ClusterPipeline(layout))) {
                ShabdamClient client = new ShabdamClient(stack.gatewayUrl(), settings.firstApiKey());
                dub(client, parts); // warm-up: natives, espeak, the S3 plugin, the job jar's classes
                long begin = System.nanoTime();
                JsonNode job = dub(client, parts);
                alone[l] = (System.nanoTime() - begin) / 1e9;
                if (dubbed == null) {
                    dubbed = dir.resolve("dubbed.wav");
                    client.download(job.path("outputs").path("audio").asText(), dubbed);
                }
                double seconds = dubAtOnce(client, parts);
                throughput[l] = CONCURRENT_JOBS * sample.durationSec() / seconds;
                System.err.printf("%s: one job %.1f s, %d jobs %.1f s%n", name(l), alone[l], CONCURRENT_JOBS, seconds);
                stages.add(stageMedians(client));
            }
        }
        StringBuilder table = new StringBuilder(String.format(
                "%n| dub of a %.0f s clip, %d lines, on a Flink cluster (%d processors) |",
                sample.durationSec(), lines, Runtime.getRuntime().availableProcessors()));
        StringBuilder rule = new StringBuilder("|---|");
        for (int l = 0; l < n; l++) {
            table.append(' ').append(name(l)).append(" |");
            rule.append("---:|");
        }
        table.append('\n').append(rule).append('\n');
        table.append(row("one job: wall time (s)", alone, "%.1f"));
        table.append(row("one job: wall time / media time (goal ≤ 0.25)", divide(alone, sample.durationSec()), "%.3f"));
        table.append(row(CONCURRENT_JOBS + " jobs at once: media seconds dubbed per second", throughput, "%.2f"));
        table.append(row(
                CONCURRENT_JOBS + " jobs at once: over 1 TM × 1 slot (goal for 2 × 1: ≥ 1.7×)",
                divide(throughput, throughput[0]),
                "%.2f×"));
        for (String stage : stages.get(0).keySet()) {
            double[] medians = new double[n];
            for (int l = 0; l < n; l++) {
                medians[l] = stages.get(l).getOrDefault(stage, Double.NaN) / 1000;
            }
            table.append(row(
                    "stage " + stage + ": median over the " + (CONCURRENT_JOBS + 2) + " dubs (s)", medians, "%.1f"));
        }
        table.append(muxRow(sample.video(), dubbed, dir));
        System.out.print(table);
        ScratchFolder.delete(dir);
        System.exit(0);
    }

    private static String name(int layout) {
        return LAYOUTS[layout][0] + " TM × " + LAYOUTS[layout][1] + " slot" + (LAYOUTS[layout][1] > 1 ? "s" : "");
    }

    /** Seconds until {@link #CONCURRENT_JOBS} dubs submitted together have all completed. */
    private static double dubAtOnce(ShabdamClient client, Map<String, Path> parts) throws Exception {
        long begin = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT_JOBS);
        List<Future<JsonNode>> jobs = new ArrayList<>();
        for (int k = 0; k < CONCURRENT_JOBS; k++) {
            jobs.add(clients.submit(() -> dub(client, parts)));
        }
        for (Future<JsonNode> running : jobs) {
            running.get();
        }
        clients.shutdown();
        return (System.nanoTime() - begin) / 1e9;
    }

    private static String row(String label, double[] values, String format) {
        StringBuilder row = new StringBuilder("| ").append(label).append(" |");
        for (double value : values) {
            row.append(' ').append(String.format(format, value)).append(" |");
        }
        return row.append('\n').toString();
    }

    private static double[] divide(double[] values, double by) {
        double[] quotients = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            quotients[i] = values[i] / by;
        }
        return quotients;
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
                "| mux step: ours / ffmpeg -c:v copy -c:a aac (goal ≤ 1.2×) | %d / %d ms = %.2f× |%s%n",
                best.oursMs(), best.ffmpegMs(), best.ratio(), " |".repeat(LAYOUTS.length - 1));
    }
}
