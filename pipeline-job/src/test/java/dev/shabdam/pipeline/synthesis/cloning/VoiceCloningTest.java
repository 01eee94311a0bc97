package dev.shabdam.pipeline.synthesis.cloning;

import dev.shabdam.pipeline.synthesis.engine.EspeakRequired;
import dev.shabdam.pipeline.synthesis.engine.EspeakSynthesizer;
import dev.shabdam.pipeline.training.VoiceDistance;
import dev.shabdam.speech.prosody.EmotionTable;
import dev.shabdam.testsupport.CommandLineTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The measure of cloning: per target speaker whose truth is known, the held-out speech of the
 * target against the same text from the default voice (plain) and through the voice matcher (cloned).
 */
class VoiceCloningTest {

    @Test
    void clonedSpeechIsCloserToEveryTargetThanThePlainVoice(@TempDir Path dir) throws Exception {
        EspeakRequired.assumeInstalled("VoiceCloningTest");
        CloningTrial trial = new CloningTrial(new EspeakSynthesizer(EmotionTable.fromClasspath()));
        List<CloningTrial.Speaker> speakers = new ArrayList<>(trial.espeakSpeakers());
        Path jfk = CloningTrial.jfkSample();
        if (jfk != null && CommandLineTool.FFMPEG.available()) {
            speakers.add(trial.jfkShifted(jfk, dir, 1.15));
            speakers.add(trial.jfkShifted(jfk, dir, 0.9));
        } else {
            System.out.println("jfk speakers skipped: ../shared/samples/jfk.flac or ffmpeg missing");
        }
        for (CloningTrial.Speaker speaker : speakers) {
            CloningTrial.Row row = trial.run(speaker);
            System.out.printf(
                    "%-8s F0 %.2f → %.2f st, formants %.1f → %.1f %%, LTAS %.2f → %.2f dB (%s)%n",
                    row.speaker(),
                    row.plain().f0Semitones(),
                    row.cloned().f0Semitones(),
                    row.plain().formantPercent(),
                    row.cloned().formantPercent(),
                    row.plain().ltasDb(),
                    row.cloned().ltasDb(),
                    row.profileNote());
            VoiceDistance plain = row.plain();
            VoiceDistance cloned = row.cloned();
            // the goal: closer on every measure, and by half or more on F0 and formants
            assertThat(cloned.f0Semitones()).as(row.speaker() + " F0").isLessThanOrEqualTo(plain.f0Semitones() / 2);
            assertThat(cloned.formantPercent())
                    .as(row.speaker() + " formants")
                    .isLessThanOrEqualTo(plain.formantPercent() / 2);
            assertThat(cloned.ltasDb())
                    .as(row.speaker() + " long-term spectrum")
                    .isLessThan(plain.ltasDb());
        }
        assertThat(speakers).hasSizeGreaterThanOrEqualTo(3);
    }
}
