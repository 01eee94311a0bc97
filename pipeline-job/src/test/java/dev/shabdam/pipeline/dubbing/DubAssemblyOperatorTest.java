package dev.shabdam.pipeline.dubbing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.jobs.JobLimits;
import dev.shabdam.pipeline.jobs.Quarantine;
import dev.shabdam.pipeline.jobs.Quarantines;
import dev.shabdam.pipeline.media.AudioDecoder;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.media.FfmpegMediaProbe;
import dev.shabdam.pipeline.media.WavWriter;
import dev.shabdam.pipeline.watermark.WatermarkDetector;
import dev.shabdam.pipeline.watermark.WatermarkSettings;
import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.schemas.jobs.DubEvents;
import dev.shabdam.schemas.jobs.DubJob;
import dev.shabdam.schemas.jobs.EventSeq;
import dev.shabdam.schemas.jobs.WatermarkId;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Assembly on Flink's two-input harness: lines in any order, failures, cancellation, and state across a restore. */
class DubAssemblyOperatorTest {
    private static final int RATE = 22_050;

    @TempDir
    Path storageRoot;

    private KeyedTwoInputStreamOperatorTestHarness<String, DubPlan, DubbedLine, VoiceEvent> harness;

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void linesBeforeThePlanAreWaitedForThenMixedIntoEveryOutput() throws Exception {
        DubPlan plan = plan(2);
        open(null);
        harness.processElement2(line(1, 2000, 3000), 1);
        harness.processElement2(line(0, 500, 1500), 2);
        assertThat(harness.extractOutputValues())
                .as("nothing to say before the plan is known")
                .isEmpty();

        harness.processElement1(plan, 3);

        List<VoiceEvent> events = harness.extractOutputValues();
        assertThat(events)
                .extracting(VoiceEvent::seq, VoiceEvent::kind, VoiceEvent::stage)
                .containsExactly(
                        tuple(DubEvents.lineReceived(2, 2).seq(), EventKind.PROGRESS, DubEvents.SYNTHESIZE),
                        tuple(DubEvents.mixStarted(2).seq(), EventKind.PROGRESS, DubEvents.MIX),
                        tuple(EventSeq.FINAL, EventKind.COMPLETED, DubEvents.MIX));
        VoiceEvent done = events.get(2);
        assertThat(done.outputs())
                .containsOnlyKeys(
                        DubAssembler.AUDIO,
                        DubAssembler.SUBTITLES_SOURCE,
                        DubAssembler.SUBTITLES_TARGET,
                        DubAssembler.REPORT);
        DecodedAudio mixed = new AudioDecoder()
                .decode(storageRoot
                        .resolve(done.outputs().get(DubAssembler.AUDIO))
                        .toFile());
        assertThat(mixed.sampleRate()).isEqualTo(48_000);
        assertThat(mixed.channelCount()).isEqualTo(2);
        assertThat(mixed.durationSec()).isEqualTo(4.0);
        assertThat(new WatermarkDetector(WatermarkSettings.DEVELOPMENT.key())
                        .detect(mixed.channels()[0], mixed.sampleRate())
                        .payload())
                .as("the mixed track carries the job's watermark")
                .hasValue(WatermarkId.of("job-dub"));
        assertThat(Files.readString(storageRoot.resolve(done.outputs().get(DubAssembler.SUBTITLES_TARGET))))
                .isEqualTo(
                        "1\r\n00:00:00,500 --> 00:00:01,500\r\nline 0\r\n\r\n2\r\n00:00:02,000 --> 00:00:03,000\r\nline 1\r\n");
        JsonNode result = RecordCodec.mapper().readTree(done.result());
        assertThat(result.get("utterances").asInt()).isEqualTo(2);
        assertThat(result.get("strategies").get("PAD").asInt()).isEqualTo(2);
        assertThat(done.mediaSeconds()).isEqualTo(4.0);
    }

    @Test
    void eachLineIsReportedAsItArrives() throws Exception {
        open(null);
        harness.processElement1(plan(2), 1);
        harness.processElement2(line(1, 2000, 3000), 2);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(e -> {
            assertThat(e.seq()).isEqualTo(DubEvents.lineReceived(1, 2).seq());
            assertThat(e.segment()).isEqualTo(1);
            assertThat(e.progress()).isEqualTo(DubEvents.lineReceived(1, 2).progress());
        });
    }

    @Test
    void theStateSurvivesARestoreAndTheJobCompletesOnce() throws Exception {
        open(null);
        harness.processElement1(plan(2), 1);
        harness.processElement2(line(0, 500, 1500), 2);
        OperatorSubtaskState snapshot = harness.snapshot(1, 3);
        harness.close();

        open(snapshot);
        harness.processElement2(line(1, 2000, 3000), 4);
        harness.processElement2(line(1, 2000, 3000), 5); // a replayed line after the job ended

        assertThat(harness.extractOutputValues())
                .filteredOn(e -> e.kind() == EventKind.COMPLETED)
                .hasSize(1);
    }

    @Test
    void aFailedLineFailsTheJobWithItsCode() throws Exception {
        open(null);
        harness.processElement1(plan(2), 1);
        LineTask task = new LineTask("job-dub", 1, 2, 2000, 3000, 4000, "b", "line 1", null, "ml", null);
        harness.processElement2(DubbedLine.failed(task, "model_missing", "voice x is not installed"), 2);
        harness.processElement2(line(0, 500, 1500), 3);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.FAILED);
            assertThat(e.error().code()).isEqualTo("model_missing");
            assertThat(e.error().detail()).isEqualTo("line 2: voice x is not installed");
        });
    }

    @Test
    void aCancelledJobEndsWithoutAnEventOfItsOwn() throws Exception {
        open(null);
        LineTask task = new LineTask("job-dub", 0, 2, 500, 1500, 2000, "a", "line 0", null, "ml", null);
        harness.processElement2(DubbedLine.cancelled(task), 1);
        harness.processElement1(plan(2), 2);
        harness.processElement2(line(1, 2000, 3000), 3);

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void anAssemblyThatCrashedItsTaskOnBothTriesFailsTheJob() throws Exception {
        Quarantine quarantine = Quarantines.fresh();
        Quarantines.crashTwice(quarantine, "job-dub");
        open(null, quarantine);
        harness.processElement1(plan(1), 1);

        harness.processElement2(line(0, 500, 1500), 2);

        assertThat(harness.extractOutputValues()).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.FAILED);
            assertThat(e.seq()).isEqualTo(EventSeq.FINAL);
            assertThat(e.error().code()).isEqualTo("internal_error");
        });
        assertThat(storageRoot.resolve(StorageKeys.output("job-dub", "audio.wav")))
                .as("nothing was mixed")
                .doesNotExist();
    }

    private void open(OperatorSubtaskState restored) throws Exception {
        open(restored, Quarantines.fresh());
    }

    private void open(OperatorSubtaskState restored, Quarantine quarantine) throws Exception {
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new DubAssemblyOperator(
                        new ObjectStorage(storageRoot.toUri().toString()),
                        new FfmpegMediaProbe(),
                        JobLimits.DEFAULT,
                        quarantine,
                        WatermarkSettings.DEVELOPMENT)),
                DubPlan::jobId,
                DubbedLine::jobId,
                Types.STRING);
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
    }

    /** A 4 s stereo tone as the upload (no video), planned with {@code lines} lines. */
    private DubPlan plan(int lines) throws Exception {
        VoiceRequest request = new DubFixtures(storageRoot, "job-dub").tone(4).request();
        return DubPlan.builder()
                .withRequest(request)
                .withLineCount(lines)
                .withMediaKey(request.inputs().get(DubJob.MEDIA))
                .withVideo(false)
                .withDurationMs(4000)
                .withKeepBackground(true)
                .withKeepOriginalTrack(false)
                .withSourceLanguage("en")
                .withTargetLanguage("ml")
                .withPlannedAtMs(System.currentTimeMillis())
                .build();
    }

    /** A dubbed line whose fitted audio (a quiet tone filling its slot) is in storage. */
    private DubbedLine line(int index, long start, long end) throws Exception {
        float[] tone = new float[(int) ((end - start) * RATE / 1000)];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.2 * Math.sin(2 * Math.PI * 600 * i / RATE));
        }
        String key = StorageKeys.segment("job-dub", index, "dub.wav");
        Files.createDirectories(storageRoot.resolve(key).getParent());
        Files.write(storageRoot.resolve(key), WavWriter.toBytes(tone, RATE));
        return new DubbedLine(
                "job-dub",
                index,
                DubbedLine.Outcome.DUBBED,
                key,
                start,
                end,
                start,
                end,
                1.0,
                1.0,
                Fit.Strategy.PAD,
                "espeak-ng",
                "source " + index,
                "line " + index,
                null,
                null,
                null);
    }
}
