package dev.shabdam.bench;

import dev.shabdam.local.DubSample;
import dev.shabdam.local.FreePort;
import dev.shabdam.local.LocalStack;
import dev.shabdam.local.PostgresServer;
import dev.shabdam.local.StackSettings;
import dev.shabdam.local.cli.ShabdamClient;
import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.Topics;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.jobs.DubJob;
import dev.shabdam.testsupport.CommandLineTool;
import dev.shabdam.testsupport.CommittedRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./shabdam bench load}: {@value #CLIENTS} clients speak Malayalam sentences without pause for
 * {@value #SECONDS} s while {@value #DUBS} one-minute dubs and {@value #ANALYSES} ten-minute analyses run
 * on the same embedded stack. Then every job must have reached a final state and nothing may be lost:
 * the jobs the gateway accepted, the rows of the jobs table and the final events on {@code voice.events}
 * (read committed) are the same set. Prints throughput, latency percentiles and errors as a Markdown table;
 * exits 1 when anything was lost.
 */
public final class LoadBench {
    private static final int CLIENTS = 50;
    private static final int SECONDS = 60;
    private static final int DUBS = 4;
    private static final int ANALYSES = 4;
    private static final Duration SETTLE = Duration.ofMinutes(10);

    private LoadBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("shabdam-load-bench-");
        System.err.println("making a one-minute clip and a ten-minute recording …");
        DubSample clip = DubSample.make(dir, 22);
        Path recording = tenMinutesOfSpeech(dir);

        String tenant = "load-" + UUID.randomUUID().toString().substring(0, 8);
        String key = StackSettings.randomKey();
        StackSettings settings = StackSettings.builder()
                .gatewayPort(FreePort.find())
                .flinkUiPort(FreePort.find())
                .environment(System.getenv())
                .apiKeys(tenant + ":" + key)
                .build();
        int exit;
        try (LocalStack stack = LocalStack.start(settings)) {
            ShabdamClient client = new ShabdamClient(stack.gatewayUrl(), key);
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + DUBS + ANALYSES);
            List<Future<?>> media = new ArrayList<>();
            for (int k = 0; k < DUBS; k++) {
                media.add(pool.submit(() -> accepted.add(client.submit(
                        "/voice/dub", DubJob.inputs(clip.video(), clip.subtitles(), clip.translation())))));
            }
            for (int k = 0; k < ANALYSES; k++) {
                media.add(pool.submit(() -> accepted.add(client.submit("/voice/analyze", recording))));
            }

            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
            AtomicInteger sentence = new AtomicInteger();
            List<Future<ClientLog>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> speakUntil(client, end, sentence, accepted)));
            }
            ClientLog all = new ClientLog();
            for (Future<ClientLog> running : clients) {
                all.add(running.get());
            }
            for (Future<?> submitted : media) {
                submitted.get();
            }
            pool.shutdown();

            Settled settled = settle(stack, tenant, accepted);
            printTable(all, settled, accepted.size());
            exit = settled.lost().isEmpty() ? 0 : 1;
        }
        ScratchFolder.delete(dir);
        System.exit(exit);
    }

    /** What one client saw: the latency of each answered sentence, and its errors by status. */
    private static final class ClientLog {
        final List<Double> latenciesMs = new ArrayList<>();
        final Map<String, Integer> errors = new TreeMap<>();
        int answered;

        void add(ClientLog other) {
            latenciesMs.addAll(other.latenciesMs);
            other.errors.forEach((what, n) -> errors.merge(what, n, Integer::sum));
            answered += other.answered;
        }
    }

    /** One client: a distinct sentence after another (each a cache miss) until {@code end}. */
    private static ClientLog speakUntil(ShabdamClient client, long end, AtomicInteger sentence, Set<String> accepted) {
        ClientLog log = new ClientLog();
        while (System.nanoTime() < end) {
            int n = sentence.incrementAndGet();
            String text = "ഇന്ന് " + n + " ആളുകൾ യോഗത്തിന് വന്നു.";
            long begin = System.nanoTime();
            try {
                HttpResponse<InputStream> response = client.generate(
                        "/voice/generate?wait=30",
                        RecordCodec.mapper()
                                .createObjectNode()
                                .put("text", text)
                                .put("language", "ml"));
                byte[] body;
                try (InputStream in = response.body()) {
                    body = in.readAllBytes();
                }
                response.headers().firstValue("X-Job-Id").ifPresent(accepted::add);
                if (response.statusCode() == 202) {
                    accepted.add(
                            RecordCodec.mapper().readTree(body).path("jobId").asText());
                }
                if (response.statusCode() == 200) {
                    log.latenciesMs.add((System.nanoTime() - begin) / 1e6);
                    log.answered++;
                } else {
                    log.errors.merge(response.statusCode() + " " + problemCode(body), 1, Integer::sum);
                }
            } catch (Exception e) {
                log.errors.merge(e.getClass().getSimpleName(), 1, Integer::sum);
            }
        }
        return log;
    }

    private static String problemCode(byte[] body) {
        try {
            return RecordCodec.mapper().readTree(body).path("code").asText("");
        } catch (Exception e) {
            return new String(body, 0, Math.min(body.length, 40), StandardCharsets.UTF_8);
        }
    }

    /** The accepted jobs, their rows and their final events, once every row is final or {@link #SETTLE} has passed. */
    private record Settled(
            Set<String> finalRows,
            Set<String> unfinishedRows,
            Set<String> finalEvents,
            Set<String> lost,
            Map<String, Integer> statuses,
            double seconds) {}

    private static Settled settle(LocalStack stack, String tenant, Set<String> accepted) throws Exception {
        long begin = System.nanoTime();
        Map<String, String> rows = Map.of();
        while (System.nanoTime() - begin < SETTLE.toNanos()) {
            rows = jobRows(stack.database(), tenant);
            if (rows.values().stream().allMatch(LoadBench::isFinal)) {
                break;
            }
            TimeUnit.SECONDS.sleep(1);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        Set<String> finalRows = new HashSet<>();
        Set<String> unfinished = new HashSet<>();
        Map<String, Integer> statuses = new TreeMap<>();
        rows.forEach((job, status) -> {
            (isFinal(status) ? finalRows : unfinished).add(job);
            statuses.merge(status, 1, Integer::sum);
        });
        Set<String> finalEvents = finalEvents(stack.kafkaBootstrap(), accepted);
        Set<String> lost = new HashSet<>(accepted);
        lost.removeIf(job -> finalRows.contains(job) && finalEvents.contains(job));
        Set<String> unaccounted = new HashSet<>(rows.keySet());
        unaccounted.removeAll(accepted);
        lost.addAll(unaccounted);
        return new Settled(finalRows, unfinished, finalEvents, lost, statuses, seconds);
    }

    private static boolean isFinal(String status) {
        return List.of("COMPLETED", "FAILED", "CANCELLED").contains(status);
    }

    private static Map<String, String> jobRows(PostgresServer.JdbcTarget db, String tenant) throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
                PreparedStatement query =
                        connection.prepareStatement("SELECT job_id, status FROM jobs WHERE tenant_id = ?")) {
            query.setString(1, tenant);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), result.getString(2));
                }
            }
        }
        return rows;
    }

    /** The jobs of {@code wanted} that have a final event on voice.events, read from the start, committed only. */
    private static Set<String> finalEvents(String bootstrap, Set<String> wanted) {
        Set<String> ended = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = CommittedRecords.of(bootstrap, Topics.EVENTS)) {
            long quietSince = System.nanoTime();
            // until every wanted job has ended, or nothing new came for 10 s (the last transaction commits within a
            // second)
            while (!ended.containsAll(wanted) && System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(10)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    quietSince = System.nanoTime();
                    VoiceEvent event = RecordCodec.decodeEvent(record.value());
                    if (event.kind() != EventKind.PROGRESS) {
                        ended.add(event.jobId());
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("reading voice.events: " + e, e);
        }
        ended.retainAll(wanted);
        return ended;
    }

    /** Ten minutes of real speech at 48 kHz stereo: the JFK sample from shared/, looped by ffmpeg into FLAC. */
    private static Path tenMinutesOfSpeech(Path dir) throws Exception {
        Path out = dir.resolve("speech-10min.flac");
        CommandLineTool.FFMPEG.run(
                "-hide_banner",
                "-loglevel",
                "error",
                "-y",
                "-stream_loop",
                "-1",
                "-i",
                "../shared/samples/jfk.flac",
                "-t",
                "600",
                "-ar",
                "48000",
                "-ac",
                "2",
                "-c:a",
                "flac",
                out.toString());
        return out;
    }

    private static void printTable(ClientLog clients, Settled settled, int accepted) {
        double[] latencies =
                clients.latenciesMs.stream().mapToDouble(Double::doubleValue).toArray();
        int errors =
                clients.errors.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(
                "%n| load: %d generation clients for %d s, with %d one-minute dubs and %d ten-minute analyses | |%n",
                CLIENTS, SECONDS, DUBS, ANALYSES);
        System.out.println("|---|---:|");
        System.out.printf("| sentences answered with audio | %d |%n", clients.answered);
        System.out.printf("| throughput | %.1f sentences/s |%n", clients.answered / (double) SECONDS);
        System.out.printf(
                "| latency p50 / p95 / p99 | %.0f / %.0f / %.0f ms |%n",
                Percentile.of(latencies, 50), Percentile.of(latencies, 95), Percentile.of(latencies, 99));
        System.out.printf("| errors | %d %s |%n", errors, clients.errors.isEmpty() ? "" : clients.errors);
        System.out.printf("| jobs accepted by the gateway | %d |%n", accepted);
        System.out.printf(
                "| rows in the jobs table, final | %d (%s) |%n",
                settled.finalRows().size(), settled.statuses());
        System.out.printf(
                "| rows not final after %.0f s | %d |%n",
                settled.seconds(), settled.unfinishedRows().size());
        System.out.printf(
                "| jobs with a final event on voice.events | %d |%n",
                settled.finalEvents().size());
        System.out.printf(
                "| lost (accepted ≠ final row ≠ final event) | %d %s |%n",
                settled.lost().size(), settled.lost().isEmpty() ? "" : settled.lost());
    }
}
