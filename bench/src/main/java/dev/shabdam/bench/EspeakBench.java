package dev.shabdam.bench;

import dev.shabdam.pipeline.synthesis.engine.EspeakSynthesizer;
import dev.shabdam.pipeline.synthesis.engine.SynthesisRequest;
import dev.shabdam.speech.prosody.EmotionTable;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;

/**
 * {@code ./shabdam bench espeak}: median time per Malayalam sentence, espeak-ng in process (JNA) vs the
 * {@code espeak-ng --stdout} subprocess.
 */
public final class EspeakBench {

    private static final String[] SENTENCES = {
        "ഇന്ന് നല്ല കാലാവസ്ഥയാണ്, നമുക്ക് പുറത്ത് പോയി കളിക്കാം.",
        "ഡോക്ടർ രാമൻ പത്ത് മണി മുപ്പത് മിനിറ്റിന് ആശുപത്രിയിൽ എത്തി.",
        "കേരളത്തിലെ ഏറ്റവും നീളമുള്ള നദി പെരിയാറാണ്.",
        "ഈ പുസ്തകത്തിന്റെ വില അഞ്ഞൂറ് രൂപയാണ്.",
    };
    private static final int RUNS = 20;

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
    }
}
