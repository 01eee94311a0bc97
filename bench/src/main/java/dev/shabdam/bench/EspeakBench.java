package dev.shabdam.bench;

import dev.shabdam.pipeline.synthesis.engine.EspeakSynthesizer;
import dev.shabdam.pipeline.synthesis.engine.SynthesisRequest;
import dev.shabdam.speech.prosody.EmotionTable;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ./shabdam bench espeak}: median time per Malayalam sentence, espeak-ng in process (JNA) vs the
 * {@code espeak-ng --stdout} subprocess vs a worker process of the TaskManager's pool; and sentences per
 * second of concurrent callers with one worker (the in-process library, taking turns) against one each.
 */
public final class EspeakBench {

    private static final String[] SENTENCES = {
        "ഇന്ന് നല്ല കാലാവസ്ഥയാണ്, നമുക്ക് പുറത്ത് പോയി കളിക്കാം.",
        "ഡോക്ടർ രാമൻ പത്ത് മണി മുപ്പത് മിനിറ്റിന് ആശുപത്രിയിൽ എത്തി.",
        "കേരളത്തിലെ ഏറ്റവും നീളമുള്ള നദി പെരിയാറാണ്.",
        "ഈ പുസ്തകത്തിന്റെ വില അഞ്ഞൂറ് രൂപയാണ്.",
    };
    private static final int RUNS = 20;

    /** Sentences each concurrent caller speaks. */
    private static final int PER_CALLER = 40;

    public static void main(String[] args) throws Exception {
        EspeakSynthesizer engine = new EspeakSynthesizer(EmotionTable.fromClasspath());
        for (int warm = 0; warm < 5; warm++) {
            engine.synthesize(new SynthesisRequest(SENTENCES[0], Language.ML, null, Prosody.NEUTRAL));
        }
        double[] inProcess = new double[RUNS];
        double[] subprocess = new double[RUNS];
        double[] shifted = new double[RUNS];
        double audioSeconds = 0;
        for (int i = 0; i < RUNS; i++) {
            String sentence = SENTENCES[i % SENTENCES.length];
            long t0 = System.nanoTime();
            audioSeconds += engine.synthesize(new SynthesisRequest(sentence, Language.ML, null, Prosody.NEUTRAL))
                    .durationSeconds();
            inProcess[i] = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            engine.synthesize(new SynthesisRequest(sentence, Language.ML, null, Prosody.NEUTRAL.withPitch(4)));
            shifted[i] = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            Process p = new ProcessBuilder("espeak-ng", "-v", "ml", "--stdout", sentence)
                    .redirectErrorStream(false)
                    .start();
            p.getInputStream().readAllBytes();
            p.waitFor();
            subprocess[i] = (System.nanoTime() - t0) / 1e6;
        }
        System.out.printf(
                "in-process JNA : median %.1f ms, p95 %.1f ms per sentence (avg audio %.2f s)%n",
                Percentile.of(inProcess, 50), Percentile.of(inProcess, 95), audioSeconds / RUNS);
        System.out.printf("in-process +4 st: median %.1f ms (espeak + Java pitch shift)%n", Percentile.of(shifted, 50));
        System.out.printf(
                "CLI subprocess : median %.1f ms, p95 %.1f ms per sentence%n",
                Percentile.of(subprocess, 50), Percentile.of(subprocess, 95));
        EspeakSynthesizer worker = EspeakSynthesizer.withWorkers(EmotionTable.fromClasspath(), 1, true);
        double[] onWorker = medianMs(worker);
        System.out.printf(
                "worker process : median %.1f ms, p95 %.1f ms per sentence (over its pipes)%n",
                Percentile.of(onWorker, 50), Percentile.of(onWorker, 95));
        int cores = Runtime.getRuntime().availableProcessors();
        for (int callers : new int[] {2, 4}) {
            double oneLock =
                    sentencesPerSecond(EspeakSynthesizer.withWorkers(EmotionTable.fromClasspath(), 1, false), callers);
            double pooled = sentencesPerSecond(
                    EspeakSynthesizer.withWorkers(EmotionTable.fromClasspath(), callers, false), callers);
            System.out.printf(
                    "%d callers (%d processors): %.1f sentences/s on one worker, %.1f on %d workers = %.2f×%n",
                    callers, cores, oneLock, pooled, callers, pooled / oneLock);
        }
        System.exit(0);
    }

    private static double[] medianMs(EspeakSynthesizer engine) {
        for (int warm = 0; warm < 5; warm++) {
            engine.synthesize(new SynthesisRequest(SENTENCES[0], Language.ML, null, Prosody.NEUTRAL));
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            engine.synthesize(
                    new SynthesisRequest(SENTENCES[i % SENTENCES.length], Language.ML, null, Prosody.NEUTRAL));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }

    /** {@code callers} threads each speaking {@link #PER_CALLER} sentences at once, after one warm-up each. */
    private static double sentencesPerSecond(EspeakSynthesizer engine, int callers) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        List<Callable<Void>> warmUp = new ArrayList<>();
        List<Callable<Void>> work = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            warmUp.add(speaking(engine, 1));
            work.add(speaking(engine, PER_CALLER));
        }
        for (Future<Void> done : threads.invokeAll(warmUp)) {
            done.get();
        }
        long t0 = System.nanoTime();
        for (Future<Void> done : threads.invokeAll(work)) {
            done.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        threads.shutdown();
        return callers * PER_CALLER / seconds;
    }

    private static Callable<Void> speaking(EspeakSynthesizer engine, int sentences) {
        return () -> {
            for (int i = 0; i < sentences; i++) {
                engine.synthesize(
                        new SynthesisRequest(SENTENCES[i % SENTENCES.length], Language.ML, null, Prosody.NEUTRAL));
            }
            return null;
        };
    }
}
