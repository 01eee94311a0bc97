package dev.shabdam.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shabdam.local.cli.ShabdamClient;
import dev.shabdam.pipeline.media.WavWriter;
import dev.shabdam.pipeline.synthesis.SentenceStreamer;
import dev.shabdam.pipeline.synthesis.SpeechEngines;
import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.pipeline.synthesis.engine.SynthesisRequest;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./shabdam bench generation}: in one run, one Malayalam sentence through gateway → Kafka →
 * Flink → gateway against the bare engine call (normalise, espeak-ng in process, loudness, WAV) on
 * the same sentences; and the time to first audio of five-sentence paragraphs in stream mode
 * against the bare engine's first sentence of each. Every pipeline request is a cache miss (distinct text);
 * cache hits are timed separately. Prints a Markdown table.
 */
public final class GenerationBench {
    private static final int SENTENCES = 100;
    private static final int PARAGRAPHS = 15;
    private static final int WARM_UP = 5;
    private static final String PARAGRAPH = "ഇന്ന് രാവിലെ മഴ പെയ്തു. കുട്ടികൾ സ്കൂളിലേക്ക് പോയി. "
            + "അമ്മ ചായ ഉണ്ടാക്കി. അച്ഛൻ പത്രം വായിച്ചു. വൈകുന്നേരം ഞങ്ങൾ കടൽത്തീരത്ത് നടന്നു.";

    private GenerationBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.putIfAbsent("SHABDAM_PORT", Integer.toString(FreePort.find()));
        env.putIfAbsent("SHABDAM_FLINK_UI_PORT", Integer.toString(FreePort.find()));
        StackSettings settings = StackSettings.fromEnvironment(env);
        SentenceStreamer bare = SpeechEngines.shared(Path.of("models/cache")).route(null).streamer();
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

            System.out.println();
            System.out.println("| what (" + SENTENCES + " Malayalam sentences, espeak-ng) | p50 | p95 | goal |");
            System.out.println("|---|---:|---:|---|");
            row("bare engine: normalise + synthesise + loudness + WAV, in process", bareTimes, "");
            double goal = percentile(bareTimes, 95) * 1.5 + 100;
            row("gateway → Kafka → Flink → gateway, cache miss", pipelineTimes,
                    String.format("p95 ≤ 1.5 × bare + 100 ms = %.1f ms", goal));
            row("same, cache hit", hitTimes, "");
            row("bare engine: first sentence of a 5-sentence paragraph (" + PARAGRAPHS + " paragraphs)", bareFirst, "");
            row("stream: first audio of the paragraph through the stack", streamFirst,
                    String.format("p50 ≤ 1.2 × bare p50 + 100 ms = %.1f ms", 1.2 * percentile(bareFirst, 50) + 100));
        }
        System.exit(0);
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
        bare.stream(new SynthesisRequest(text, Language.ML, null, Prosody.NEUTRAL),
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
    private static double streamFirstAudioMs(ShabdamClient client, String text) throws IOException, InterruptedException {
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
        System.out.printf("| %s | %.1f ms | %.1f ms | %s |%n", what, percentile(times, 50), percentile(times, 95), goal);
    }

    /** The {@code p}th percentile (nearest rank) of {@code values}; NaN for none. */
    static double percentile(double[] values, int p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }
}
