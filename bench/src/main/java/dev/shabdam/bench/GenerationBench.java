package dev.shabdam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shabdam.local.FreePort;
import dev.shabdam.local.LocalStack;
import dev.shabdam.local.PostgresServer;
import dev.shabdam.local.SampleMaker;
import dev.shabdam.local.StackSettings;
import dev.shabdam.local.cli.ShabdamClient;
import dev.shabdam.pipeline.io.AttemptLedger;
import dev.shabdam.pipeline.io.JobStateSinks;
import dev.shabdam.pipeline.jobs.Quarantine;
import dev.shabdam.pipeline.media.WavWriter;
import dev.shabdam.pipeline.synthesis.SentenceStreamer;
import dev.shabdam.pipeline.synthesis.SpeechEngines;
import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.pipeline.synthesis.engine.SynthesisRequest;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;
import dev.shabdam.testsupport.CommandLineTool;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./shabdam bench generation}: in one run, one Malayalam sentence through gateway → Kafka →
 * Flink → gateway against the bare engine call (normalise, espeak-ng in process, loudness, WAV) on
 * the same sentences; and the time to first audio of five-sentence paragraphs in stream mode
 * against the bare engine's first sentence of each. Every pipeline request is a cache miss (distinct text);
 * cache hits are timed separately. Then head-of-line blocking: sentences while a 1-hour analysis runs
 * against sentences on the idle stack; and what the quarantine's bookkeeping (two statements on
 * {@code job_attempts} per record) costs. Prints a Markdown table.
 */
public final class GenerationBench {
    private static final int SENTENCES = 100;
    private static final int PARAGRAPHS = 15;
    private static final int WARM_UP = 5;
    /** Sentences timed on the idle stack, and again while an hour of audio is being analysed. */
    private static final int BESIDE_ANALYSIS = 100;

    private static final int LEDGER_ROUNDS = 200;
    private static final String PARAGRAPH = "ഇന്ന് രാവിലെ മഴ പെയ്തു. കുട്ടികൾ സ്കൂളിലേക്ക് പോയി. "
            + "അമ്മ ചായ ഉണ്ടാക്കി. അച്ഛൻ പത്രം വായിച്ചു. വൈകുന്നേരം ഞങ്ങൾ കടൽത്തീരത്ത് നടന്നു.";

    private GenerationBench() {}

    public static void main(String[] args) throws Exception {
        StackSettings settings = StackSettings.builder()
                .gatewayPort(FreePort.find())
                .flinkUiPort(FreePort.find())
                .environment(System.getenv())
                .build();
        SentenceStreamer bare =
                SpeechEngines.shared(Path.of("models/cache")).route(null).streamer();
        try (LocalStack stack = LocalStack.start(settings)) {
            ShabdamClient client = new ShabdamClient(stack.gatewayUrl(), settings.firstApiKey());
            for (int i = 0; i < WARM_UP; i++) {
                bareMs(bare, sentence(-1 - i));
                pipelineMs(client, sentence(-100 - i));
            }
            double[] bareTimes = new double[SENTENCES];
            double[] pipelineTimes = new double[SENTENCES];
            double[] hitTimes = new double[SENTENCES];
            for (int i = 0; i < SENTENCES; i++) {
                bareTimes[i] = bareMs(bare, sentence(i));
                pipelineTimes[i] = pipelineMs(client, sentence(i));
                hitTimes[i] = pipelineMs(client, sentence(i));
            }
            double[] bareFirst = new double[PARAGRAPHS];
            double[] streamFirst = new double[PARAGRAPHS];
            for (int i = 0; i < PARAGRAPHS; i++) {
                bareFirst[i] = bareFirstSentenceMs(bare, paragraph(2 * i));
                streamFirst[i] = streamFirstAudioMs(client, paragraph(2 * i + 1));
            }
            double[] idle = new double[BESIDE_ANALYSIS];
            for (int i = 0; i < BESIDE_ANALYSIS; i++) {
                idle[i] = pipelineMs(client, sentence(1000 + i));
            }
            Path scratch = Files.createTempDirectory("shabdam-bench-");
            BesideAnalysis busy = besideAnalysis(client, hourOfSpeech(scratch), 2000);
            double[] ledger = ledgerMs(stack.database());
            ScratchFolder.delete(scratch);

            System.out.println();
            System.out.println("| what (" + SENTENCES + " Malayalam sentences, espeak-ng) | p50 | p95 | goal |");
            System.out.println("|---|---:|---:|---|");
            row("bare engine: normalise + synthesise + loudness + WAV, in process", bareTimes, "");
            double goal = Percentile.of(bareTimes, 95) * 1.5 + 100;
            row(
                    "gateway → Kafka → Flink → gateway, cache miss",
                    pipelineTimes,
                    String.format("p95 ≤ 1.5 × bare + 100 ms = %.1f ms", goal));
            row("same, cache hit", hitTimes, "");
            row("bare engine: first sentence of a 5-sentence paragraph (" + PARAGRAPHS + " paragraphs)", bareFirst, "");
            row(
                    "stream: first audio of the paragraph through the stack",
                    streamFirst,
                    String.format("p50 ≤ 1.2 × bare p50 + 100 ms = %.1f ms", 1.2 * Percentile.of(bareFirst, 50) + 100));
            row("cache miss on the idle stack (" + BESIDE_ANALYSIS + " sentences)", idle, "");
            row(
                    String.format(
                            "cache miss while a 1-hour analysis runs (%d analyses, %.1f s each)",
                            busy.analyses(), busy.analysisSeconds()),
                    busy.times(),
                    String.format(
                            "p95 ≤ 1.5 × idle p95 = %.1f ms: %.2f×",
                            1.5 * Percentile.of(idle, 95), Percentile.of(busy.times(), 95) / Percentile.of(idle, 95)));
            row("quarantine: job_attempts begin + finished, per record (" + LEDGER_ROUNDS + " rounds)", ledger, "");
        }
        System.exit(0);
    }

    /** Sentences timed while a 1-hour analysis runs, how many analyses that took and how long each ran. */
    private record BesideAnalysis(double[] times, int analyses, double analysisSeconds) {}

    /**
     * {@link #BESIDE_ANALYSIS} sentences, each sent while an analysis of {@code hour} is RUNNING (another
     * is submitted when one ends before the sentences do).
     */
    private static BesideAnalysis besideAnalysis(ShabdamClient client, Path hour, int firstSentence) throws Exception {
        double[] times = new double[BESIDE_ANALYSIS];
        int timed = 0;
        int analyses = 0;
        double analysisSeconds = 0;
        while (timed < BESIDE_ANALYSIS) {
            String jobId = client.submit("/voice/analyze", hour);
            analyses++;
            JsonNode job = client.job(jobId);
            while (job.path("status").asText().equals("QUEUED")) {
                Thread.sleep(50); // polling the job's state, not timing anything
                job = client.job(jobId);
            }
            long began = System.nanoTime();
            while (timed < BESIDE_ANALYSIS
                    && client.job(jobId).path("status").asText().equals("RUNNING")) {
                times[timed] = pipelineMs(client, sentence(firstSentence + timed));
                timed++;
            }
            while (!client.job(jobId).path("status").asText().matches("COMPLETED|FAILED|CANCELLED")) {
                Thread.sleep(200);
            }
            analysisSeconds += (System.nanoTime() - began) / 1e9;
            if (!client.job(jobId).path("status").asText().equals("COMPLETED")) {
                throw new IllegalStateException("the hour-long analysis did not complete: " + client.job(jobId));
            }
        }
        return new BesideAnalysis(times, analyses, analysisSeconds / analyses);
    }

    /** An hour of English speech, 16 kHz mono WAV (115 MB): an espeak-ng paragraph looped by ffmpeg. */
    private static Path hourOfSpeech(Path dir) throws IOException, InterruptedException {
        Path paragraph = SampleMaker.speech(
                "The quick brown fox jumps over the lazy dog. A long analysis keeps "
                        + "one task busy for a while, and the sentences must not wait for it.",
                "en",
                dir.resolve("paragraph.wav"));
        Path hour = dir.resolve("hour.wav");
        CommandLineTool.FFMPEG.run(
                "-nostdin",
                "-loglevel",
                "error",
                "-y",
                "-stream_loop",
                "-1",
                "-i",
                paragraph.toString(),
                "-t",
                "3600",
                "-ar",
                "16000",
                "-ac",
                "1",
                "-c:a",
                "pcm_s16le",
                hour.toString());
        return hour;
    }

    /** One record's bookkeeping of the quarantine, as a work operator does it, on the stack's PostgreSQL. */
    private static double[] ledgerMs(PostgresServer.JdbcTarget db) {
        AttemptLedger ledger = new AttemptLedger(JobStateSinks.connection(db.url(), db.user(), db.password()));
        double[] times = new double[LEDGER_ROUNDS];
        for (int i = -WARM_UP; i < LEDGER_ROUNDS; i++) {
            long begin = System.nanoTime();
            ledger.begin("bench", "job-" + i, Quarantine.MAX_ATTEMPTS);
            ledger.finished("bench", "job-" + i);
            if (i >= 0) {
                times[i] = (System.nanoTime() - begin) / 1e6;
            }
        }
        ledger.close();
        return times;
    }

    /** Paragraph {@code n}: a distinct text, so each one is a cache miss. */
    private static String paragraph(int n) {
        return PARAGRAPH + " " + n;
    }

    private static String sentence(int n) {
        return "ഇന്ന് " + Math.abs(n) + " ആളുകൾ യോഗത്തിന് വന്നു, എല്ലാവരും സന്തോഷത്തിലായിരുന്നു.";
    }

    private static double bareMs(SentenceStreamer bare, String text) {
        long begin = System.nanoTime();
        Audio audio = bare.synthesizeAll(new SynthesisRequest(text, Language.ML, null, Prosody.NEUTRAL));
        WavWriter.toBytes(audio.samples(), audio.sampleRate());
        return (System.nanoTime() - begin) / 1e6;
    }

    private static double bareFirstSentenceMs(SentenceStreamer bare, String text) {
        long begin = System.nanoTime();
        AtomicLong first = new AtomicLong();
        bare.stream(
                new SynthesisRequest(text, Language.ML, null, Prosody.NEUTRAL),
                chunk -> first.compareAndSet(0, System.nanoTime()));
        return (first.get() - begin) / 1e6;
    }

    private static double pipelineMs(ShabdamClient client, String text) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        HttpResponse<InputStream> response = client.generate("/voice/generate?wait=10", body(text));
        try (InputStream audio = response.body()) {
            audio.readAllBytes();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("generate answered " + response.statusCode());
        }
        return (System.nanoTime() - begin) / 1e6;
    }

    /** Until the first bytes after the streaming WAV header: the first sentence's audio. */
    private static double streamFirstAudioMs(ShabdamClient client, String text)
            throws IOException, InterruptedException {
        long begin = System.nanoTime();
        HttpResponse<InputStream> response = client.generate("/voice/generate/stream", body(text));
        try (InputStream audio = response.body()) {
            int headerAndFirst = 44 + 1;
            int read = 0;
            while (read < headerAndFirst && audio.read() >= 0) {
                read++;
            }
            double ms = (System.nanoTime() - begin) / 1e6;
            audio.readAllBytes();
            return ms;
        }
    }

    private static ObjectNode body(String text) {
        return RecordCodec.mapper().createObjectNode().put("text", text).put("language", "ml");
    }

    private static void row(String what, double[] times, String goal) {
        System.out.printf(
                "| %s | %.1f ms | %.1f ms | %s |%n", what, Percentile.of(times, 50), Percentile.of(times, 95), goal);
    }
}
