package dev.shabdam.pipeline.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.jobs.JobLimits;
import dev.shabdam.pipeline.jobs.Quarantine;
import dev.shabdam.pipeline.jobs.Quarantines;
import dev.shabdam.pipeline.media.FfmpegMediaProbe;
import dev.shabdam.pipeline.media.MediaProbe;
import dev.shabdam.pipeline.media.TestMedia;
import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.testsupport.Requests;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class AnalyzeOperatorTest {
    @TempDir
    Path storageRoot;

    private KeyedOneInputStreamOperatorTestHarness<String, VoiceRequest, VoiceEvent> harness;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void reportsWhatTheWavHolds() throws Exception {
        String key = upload("job-1", "voice.wav");
        TestMedia.wav(storageRoot.resolve(key), 16_000, 1, 1.5, 440);

        List<VoiceEvent> events = run(new FfmpegMediaProbe(), Requests.analyze("job-1", key));

        assertThat(events)
                .extracting(VoiceEvent::seq, VoiceEvent::kind, VoiceEvent::stage)
                .containsExactly(
                        tuple(1, EventKind.PROGRESS, "probe"),
                        tuple(2, EventKind.PROGRESS, "probe"),
                        tuple(3, EventKind.PROGRESS, "analyze"),
                        tuple(4, EventKind.COMPLETED, "analyze"));
        assertThat(events.get(0).progress()).isZero();
        assertThat(events.get(0).durationMs())
                .as("a stage that starts has no time yet")
                .isNull();
        assertThat(events.get(1).durationMs())
                .as("the probe stage's time")
                .isNotNull()
                .isNotNegative();
        VoiceEvent completed = events.get(3);
        assertThat(completed.progress()).isEqualTo(1.0);
        assertThat(completed.mediaSeconds()).isCloseTo(1.5, within(0.01));
        assertThat(completed.durationMs()).isNotNull().isNotNegative();
        String reportKey = StorageKeys.output("job-1", "report.json");
        assertThat(completed.outputs()).isEqualTo(Map.of("report", reportKey));

        JsonNode result = RecordCodec.mapper().readTree(completed.result());
        assertThat(result.get("durationSec").asDouble()).isCloseTo(1.5, within(0.01));
        assertThat(result.get("sampleRateHz").asInt()).isEqualTo(16_000);
        assertThat(result.get("channels").asInt()).isEqualTo(1);
        assertThat(result.at("/loudness/integratedLufs").asDouble())
                .as("a half-scale 440 Hz sine")
                .isCloseTo(-9.0, within(1.0));
        assertThat(result.at("/pitch")).isNotNull();
        assertThat(result.get("suggestions").isArray()).isTrue();
        assertThat(result.at("/media/format").asText()).isEqualTo("wav");
        assertThat(result.at("/media/streams")).hasSize(1);
        assertThat(Files.readString(storageRoot.resolve(reportKey))).isEqualTo(completed.result());
    }

    @Test
    void replayWritesTheSameReportBytes() throws Exception {
        String key = upload("job-1", "voice.wav");
        TestMedia.wav(storageRoot.resolve(key), 48_000, 2, 0.5, 440);
        Path report = storageRoot.resolve(StorageKeys.output("job-1", "report.json"));

        run(new FfmpegMediaProbe(), Requests.analyze("job-1", key));
        byte[] first = Files.readAllBytes(report);
        harness.processElement(Requests.analyze("job-1", key), 1);

        assertThat(Files.readAllBytes(report)).isEqualTo(first);
        assertThat(new String(first, StandardCharsets.UTF_8)).contains("\"channels\":2");
    }

    @Test
    void failsUndecodableInputAsUnsupportedMedia() throws Exception {
        String key = upload("job-1", "noise.mp3");
        TestMedia.randomBytes(storageRoot.resolve(key), 4096, 1);

        assertFailedWith(run(new FfmpegMediaProbe(), Requests.analyze("job-1", key)), "unsupported_media");
        assertThat(storageRoot.resolve(StorageKeys.output("job-1", "report.json")))
                .doesNotExist();
    }

    @Test
    void failsMissingObjectAsInputMissing() throws Exception {
        List<VoiceEvent> events = run(new FfmpegMediaProbe(), Requests.analyze("job-1", upload("job-1", "gone.wav")));

        assertFailedWith(events, "input_missing");
    }

    @Test
    void failsRequestWithoutFileAsInputMissing() throws Exception {
        VoiceRequest noInputs =
                VoiceRequest.submit("job-1", Requests.TENANT, JobType.ANALYZE, Map.of(), Map.of(), Requests.AT);

        List<VoiceEvent> events = run(new FfmpegMediaProbe(), noInputs);

        assertThat(events).singleElement().satisfies(failed -> {
            assertThat(failed.seq()).isEqualTo(4);
            assertThat(failed.error().code()).isEqualTo("input_missing");
        });
    }

    @Test
    void failsOnUnexpectedExceptionInsteadOfCrashing() throws Exception {
        String key = upload("job-1", "voice.wav");
        TestMedia.wav(storageRoot.resolve(key), 16_000, 1, 0.2, 440);
        MediaProbe broken = file -> {
            throw new IllegalStateException("probe bug");
        };

        List<VoiceEvent> events = run(broken, Requests.analyze("job-1", key));

        assertFailedWith(events, "internal_error");
        assertThat(events.get(1).error().detail()).contains("probe bug");
    }

    @Test
    void failsUnknownLoudnessTargetAsInvalidParameter() throws Exception {
        String key = upload("job-1", "voice.wav");
        TestMedia.wav(storageRoot.resolve(key), 16_000, 1, 0.2, 440);
        VoiceRequest request = VoiceRequest.submit(
                "job-1",
                Requests.TENANT,
                JobType.ANALYZE,
                Map.of("target", "cinema"),
                Map.of("file", key),
                Requests.AT);

        assertThat(run(new FfmpegMediaProbe(), request))
                .singleElement()
                .satisfies(failed -> assertThat(failed.error().code()).isEqualTo("invalid_parameter"));
    }

    @Test
    void letsErrorsThroughForFlinkToRecover() throws Exception {
        String key = upload("job-1", "voice.wav");
        TestMedia.wav(storageRoot.resolve(key), 16_000, 1, 0.2, 440);
        MediaProbe crashing = file -> {
            throw new Crash();
        };

        assertThatThrownBy(() -> run(crashing, Requests.analyze("job-1", key))).isInstanceOf(Crash.class);
    }

    @Test
    void aRequestThatCrashesItsTaskOnEveryTryIsAnsweredFailedAfterOneRetry() throws Exception {
        VoiceRequest poison = shortAnalysis("job-poison");
        AtomicInteger probed = new AtomicInteger();
        MediaProbe crashing = file -> {
            probed.incrementAndGet();
            throw new Crash();
        };
        // one quarantine for every try, as the operator's after each restart: its count is in the table
        Quarantine quarantine = Quarantines.fresh();

        assertThatThrownBy(() -> run(crashing, poison, quarantine))
                .as("the first try")
                .isInstanceOf(Crash.class);
        assertThatThrownBy(() -> run(crashing, poison, quarantine))
                .as("the retry")
                .isInstanceOf(Crash.class);
        List<VoiceEvent> third = run(crashing, poison, quarantine);
        List<VoiceEvent> replayed = run(crashing, poison, quarantine);

        assertThat(probed).as("tried twice, never again").hasValue(2);
        for (List<VoiceEvent> answer : List.of(third, replayed)) {
            assertThat(answer).singleElement().satisfies(failed -> {
                assertThat(failed.kind()).isEqualTo(EventKind.FAILED);
                assertThat(failed.seq()).isEqualTo(4);
                assertThat(failed.error().code()).isEqualTo("internal_error");
                assertThat(failed.error().detail()).contains("2 tries", "Crash");
            });
        }
    }

    @Test
    void aRequestThatRunsOutOfMemoryOnEveryTryEndsResourceExhausted() throws Exception {
        VoiceRequest huge = shortAnalysis("job-huge");
        MediaProbe exhausting = file -> {
            throw new OutOfMemoryError("Java heap space");
        };
        Quarantine quarantine = Quarantines.fresh();

        for (int tries = 0; tries < Quarantine.MAX_ATTEMPTS; tries++) {
            assertThatThrownBy(() -> run(exhausting, huge, quarantine)).isInstanceOf(OutOfMemoryError.class);
        }

        assertThat(run(exhausting, huge, quarantine)).singleElement().satisfies(failed -> {
            assertThat(failed.error().code()).isEqualTo("resource_exhausted");
            assertThat(failed.error().detail()).contains("out of memory", "Java heap space");
        });
    }

    @Test
    void aRequestThatCrashedOnceAndThenCompletedIsCountedAfreshWhenReplayed() throws Exception {
        VoiceRequest request = shortAnalysis("job-once");
        MediaProbe crashing = file -> {
            throw new Crash();
        };
        Quarantine quarantine = Quarantines.fresh();

        assertThatThrownBy(() -> run(crashing, request, quarantine)).isInstanceOf(Crash.class);
        assertThat(run(new FfmpegMediaProbe(), request, quarantine))
                .last()
                .satisfies(done -> assertThat(done.kind()).isEqualTo(EventKind.COMPLETED));
        // replayed after another record's crash: its first try again, not its third
        assertThatThrownBy(() -> run(crashing, request, quarantine)).isInstanceOf(Crash.class);
        assertThatThrownBy(() -> run(crashing, request, quarantine)).isInstanceOf(Crash.class);
    }

    /** An analysis of 0.2 s of tone, uploaded. */
    private VoiceRequest shortAnalysis(String jobId) throws Exception {
        String key = upload(jobId, "voice.wav");
        TestMedia.wav(storageRoot.resolve(key), 16_000, 1, 0.2, 440);
        return Requests.analyze(jobId, key);
    }

    private String upload(String jobId, String name) throws Exception {
        String key = StorageKeys.upload(Requests.TENANT, jobId, name);
        Files.createDirectories(storageRoot.resolve(key).getParent());
        return key;
    }

    private List<VoiceEvent> run(MediaProbe probe, VoiceRequest request) throws Exception {
        return run(probe, request, Quarantines.fresh());
    }

    /** The request on a fresh operator, as after a restart; the quarantine's count outlives the operator. */
    private List<VoiceEvent> run(MediaProbe probe, VoiceRequest request, Quarantine quarantine) throws Exception {
        if (harness != null) {
            harness.close();
        }
        ObjectStorage storage = new ObjectStorage(storageRoot.toUri().toString());
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new AnalyzeOperator(storage, probe, JobLimits.DEFAULT, quarantine), VoiceRequest::jobId, Types.STRING);
        harness.processElement(request, 0);
        return harness.extractOutputValues();
    }

    private static void assertFailedWith(List<VoiceEvent> events, String code) {
        assertThat(events).extracting(VoiceEvent::kind).containsExactly(EventKind.PROGRESS, EventKind.FAILED);
        VoiceEvent failed = events.get(1);
        assertThat(failed.seq())
                .as("a failure takes the last seq, above any progress")
                .isEqualTo(4);
        assertThat(failed.error().code()).isEqualTo(code);
        assertThat(failed.error().detail()).isNotBlank();
    }

    /** Stands for a JVM in trouble: operators must not swallow it. */
    private static final class Crash extends Error {}
}
