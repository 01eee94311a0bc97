package dev.shabdam.pipeline.dubbing;

import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.jobs.Quarantine;
import dev.shabdam.pipeline.jobs.Quarantines;
import dev.shabdam.pipeline.media.AudioDecoder;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.pipeline.synthesis.engine.EspeakRequired;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.StorageKeys;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** One line of a dub on Flink's broadcast harness, spoken by the real in-process espeak-ng into file:// storage. */
class DubLineOperatorTest {
    @TempDir
    Path storageRoot;

    @TempDir
    Path models;

    private KeyedBroadcastOperatorTestHarness<String, LineTask, String, DubbedLine> harness;

    @BeforeAll
    static void needsEspeak() {
        EspeakRequired.assumeInstalled("DubLineOperatorTest");
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void speaksTheLineToEndExactlyAtItsSlotEnd() throws Exception {
        LineTask task = line(0, 1000, 3000, 3500, "നമസ്കാരം, സുഖമാണോ?");

        DubbedLine dubbed = dub(task);

        assertThat(dubbed.outcome()).isEqualTo(DubbedLine.Outcome.DUBBED);
        assertThat(dubbed.engine()).isEqualTo("espeak-ng");
        assertThat(dubbed.startMs()).isEqualTo(1000);
        assertThat(dubbed.endMs()).isEqualTo(3000);
        DecodedAudio audio =
                new AudioDecoder().decode(storageRoot.resolve(dubbed.audioKey()).toFile());
        assertThat(audio.durationSec()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(new Audio(audio.channels()[0], audio.sampleRate()).rmsDbfs())
                .as("speech, not silence")
                .isGreaterThan(-40);
    }

    @Test
    void aLongLineInAShortSlotIsFittedWithoutRunningIntoTheNextOne() throws Exception {
        LineTask task = line(1, 0, 600, 900, "ഇത് വളരെ നീണ്ട ഒരു വാക്യമാണ്, അത് ഈ ചെറിയ സമയത്തിനുള്ളിൽ ഒതുങ്ങില്ല.");

        DubbedLine dubbed = dub(task);

        assertThat(dubbed.rate()).isGreaterThan(1.0);
        assertThat(dubbed.strategy()).isIn(Fit.Strategy.BORROW, Fit.Strategy.OVERSTRETCH);
        assertThat(dubbed.endMs()).isLessThanOrEqualTo(900 - FitBounds.DEFAULT.guardMs());
    }

    @Test
    void aLineFinishedBeforeIsAnsweredFromStorageWithoutSpeakingAgain() throws Exception {
        LineTask task = line(2, 0, 1500, 2000, "വീണ്ടും കാണാം.");
        DubbedLine first = dub(task);
        harness.close();
        // what an earlier attempt stored is the answer: mark it, so a new synthesis would show
        Path description = storageRoot.resolve(StorageKeys.segment(task.jobId(), task.index(), "dub.json"));
        DubbedLine marked = new DubbedLine(
                first.jobId(),
                first.index(),
                first.outcome(),
                first.audioKey(),
                first.slotStartMs(),
                first.slotEndMs(),
                first.startMs(),
                first.endMs(),
                first.rate(),
                first.speechSpeed(),
                first.strategy(),
                "stored-by-an-earlier-attempt",
                first.sourceText(),
                first.targetText(),
                first.speaker(),
                null,
                null);
        Files.write(description, RecordCodec.mapper().writeValueAsBytes(marked));

        assertThat(dub(task)).isEqualTo(marked);
    }

    @Test
    void linesOfACancelledJobAreNotSpoken() throws Exception {
        LineTask task = line(0, 0, 1500, 2000, "വീണ്ടും കാണാം.");
        open();
        harness.processBroadcastElement(task.jobId(), 0);
        harness.processElement(task, 1);

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(d -> assertThat(d.outcome()).isEqualTo(DubbedLine.Outcome.CANCELLED));
        assertThat(storageRoot.resolve(StorageKeys.segment(task.jobId(), 0, "dub.wav")))
                .doesNotExist();
    }

    @Test
    void aLineThatCannotBeSpokenFailsWithTheEnginesCode() throws Exception {
        LineTask task = new LineTask("job-dub", 0, 1, 0, 1000, 1000, null, "hello", null, "fr", null);

        DubbedLine dubbed = dub(task);

        assertThat(dubbed.outcome()).isEqualTo(DubbedLine.Outcome.FAILED);
        assertThat(dubbed.errorCode()).isEqualTo("unsupported_language");
    }

    @Test
    void aLineThatCrashedItsTaskOnBothTriesFailsItsJobWithoutBeingSpoken() throws Exception {
        LineTask task = line(1, 0, 1500, 2000, "വീണ്ടും കാണാം.");
        Quarantine quarantine = Quarantines.fresh();
        Quarantines.crashTwice(quarantine, task.lineKey());

        open(quarantine);
        harness.processElement(task, 0);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(line -> {
            assertThat(line.outcome()).isEqualTo(DubbedLine.Outcome.FAILED);
            assertThat(line.errorCode()).isEqualTo("internal_error");
            assertThat(line.errorDetail()).contains("injected crash");
        });
        assertThat(storageRoot.resolve(StorageKeys.segment(task.jobId(), task.index(), "dub.wav")))
                .doesNotExist();
    }

    private DubbedLine dub(LineTask task) throws Exception {
        open();
        harness.processElement(task, 0);
        return harness.extractOutputValues().get(0);
    }

    private void open() throws Exception {
        open(Quarantines.fresh());
    }

    private void open(Quarantine quarantine) throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new DubLineOperator(new ObjectStorage(storageRoot.toUri().toString()), models.toString(), quarantine),
                LineTask::lineKey,
                Types.STRING,
                DubLineOperator.CANCELLED_JOBS);
    }

    private static LineTask line(int index, long start, long end, long next, String text) {
        return new LineTask("job-dub", index, 3, start, end, next, "source", text, null, "ml", null);
    }
}
