package dev.shabdam.bench;

import dev.shabdam.pipeline.synthesis.cloning.CloningTrial;
import dev.shabdam.pipeline.synthesis.engine.EspeakSynthesizer;
import dev.shabdam.pipeline.training.VoiceDistance;
import dev.shabdam.speech.prosody.EmotionTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./shabdam bench cloning}: per target speaker whose truth is known, the distance of its held-out
 * speech from the same text in the default espeak-ng voice (plain) and through the voice matcher with
 * the speaker's profile (cloned): F0 median (semitones), F1–F3 (mean %), long-term spectrum (RMS dB).
 * The speakers and the measure are VoiceCloningTest's ({@link CloningTrial}); the test asserts, this prints.
 */
public final class CloningBench {

    public static void main(String[] args) throws Exception {
        CloningTrial trial = new CloningTrial(new EspeakSynthesizer(EmotionTable.fromClasspath()));
        List<CloningTrial.Speaker> speakers = new ArrayList<>(trial.espeakSpeakers());
        Path jfk = CloningTrial.jfkSample();
        Path scratch = Files.createTempDirectory("cloning-bench");
        try {
            if (jfk != null) {
                speakers.add(trial.jfkShifted(jfk, scratch, 1.15));
                speakers.add(trial.jfkShifted(jfk, scratch, 0.9));
            } else {
                System.out.println("(jfk speakers left out: ../shared/samples/jfk.flac not found)");
            }
            System.out.println("| speaker | truth | F0 plain → cloned (st) | formants plain → cloned (%) "
                    + "| LTAS plain → cloned (dB) | profile |");
            System.out.println("|---|---|---|---|---|---|");
            for (CloningTrial.Speaker speaker : speakers) {
                long t0 = System.nanoTime();
                CloningTrial.Row row = trial.run(speaker);
                VoiceDistance plain = row.plain();
                VoiceDistance cloned = row.cloned();
                System.out.printf(
                        "| %s | %s | %.2f → %.2f | %.1f → %.1f | %.2f → %.2f | %s; %.1f s |%n",
                        row.speaker(),
                        row.truth(),
                        plain.f0Semitones(),
                        cloned.f0Semitones(),
                        plain.formantPercent(),
                        cloned.formantPercent(),
                        plain.ltasDb(),
                        cloned.ltasDb(),
                        row.profileNote(),
                        (System.nanoTime() - t0) / 1e9);
            }
        } finally {
            ScratchFolder.delete(scratch);
        }
    }
}
