package dev.shabdam.pipeline;

import dev.shabdam.pipeline.analysis.AnalyzeOperator;
import dev.shabdam.pipeline.analysis.CompareOperator;
import dev.shabdam.pipeline.dubbing.DubFixtures;
import dev.shabdam.pipeline.dubbing.DubIngestOperator;
import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.jobs.JobLimits;
import dev.shabdam.pipeline.jobs.Quarantines;
import dev.shabdam.pipeline.media.FfmpegMediaProbe;
import dev.shabdam.pipeline.media.MediaProbe;
import dev.shabdam.pipeline.media.ProbeResult;
import dev.shabdam.pipeline.media.TestMedia;
import dev.shabdam.pipeline.synthesis.engine.EspeakRequired;
import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.testsupport.Requests;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The longest media a job accepts (JobLimits' maxMediaSeconds): ANALYZE, COMPARE and DUB ingest
 * refuse longer media from the probe, before decoding, with {@code media_too_long} and a reason that
 * says how long it is and what the limit is; and should the header have lied, the decoder stops at
 * the limit all the same.
 */
class MediaLimitTest {
    private static final double FIVE_HOURS = 5 * 3600;

    @TempDir
    Path storageRoot;

    @TempDir
    Path models;

    private KeyedOneInputStreamOperatorTestHarness<String, VoiceRequest, VoiceEvent> harness;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void analysisRefusesFromTheProbeBeforeDecoding() throws Exception {
        String key = wav("voice.wav", 1.5);

        List<VoiceEvent> events = run(
                new AnalyzeOperator(storage(), probedAs(FIVE_HOURS), JobLimits.DEFAULT, Quarantines.fresh()),
                Requests.analyze("job-1", key));

        assertThat(events)
                .extracting(VoiceEvent::kind)
                .as("nothing after the probe started")
                .containsExactly(EventKind.PROGRESS, EventKind.FAILED);
        assertRefused(events.get(1), "5:00:00 (18000 s)", "4:00:00 (14400 s)");
    }

    @Test
    void analysisStopsAtTheLimitWhenTheHeaderLied() throws Exception {
        String key = wav("voice.wav", 3.0);
        JobLimits twoSeconds = new JobLimits(2, Duration.ofMinutes(1));

        List<VoiceEvent> events = run(
                new AnalyzeOperator(storage(), probedAs(1.0), twoSeconds, Quarantines.fresh()),
                Requests.analyze("job-1", key));

        assertRefused(events.get(events.size() - 1), "longer than the 2 s");
    }

    @Test
    void comparisonRefusesFromTheProbe() throws Exception {
        VoiceRequest request = VoiceRequest.submit(
                "job-1",
                Requests.TENANT,
                JobType.COMPARE,
                Map.of(),
                Map.of("a", wav("a.wav", 1.0), "b", wav("b.wav", 1.0)),
                Requests.AT);

        List<VoiceEvent> events = run(
                new CompareOperator(
                        storage(), models.toString(), probedAs(FIVE_HOURS), JobLimits.DEFAULT, Quarantines.fresh()),
                request);

        assertRefused(events.get(events.size() - 1), "5:00:00");
    }

    @Test
    void dubIngestRefusesFromTheProbeAndPlansNothing() throws Exception {
        EspeakRequired.assumeInstalled("MediaLimitTest.dubIngest");
        VoiceRequest request = new DubFixtures(storageRoot, "job-1")
                .video(2)
                .subtitles(DubFixtures.SOURCE_SRT)
                .translation(DubFixtures.TARGET_SRT)
                .request();

        List<VoiceEvent> events = run(
                new DubIngestOperator(
                        storage(),
                        probedAs(FIVE_HOURS),
                        models.toString(),
                        null,
                        JobLimits.DEFAULT,
                        Quarantines.fresh()),
                request);

        assertRefused(events.get(events.size() - 1), "5:00:00");
        assertThat(harness.getSideOutput(DubIngestOperator.PLANS)).isNull();
        assertThat(harness.getSideOutput(DubIngestOperator.LINES)).isNull();
    }

    private static void assertRefused(VoiceEvent event, String... detail) {
        assertThat(event.kind()).isEqualTo(EventKind.FAILED);
        assertThat(event.error().code()).isEqualTo("media_too_long");
        assertThat(event.error().detail()).contains(detail);
    }

    /** The real probe, with the duration a (lying or long) header would give. */
    private static MediaProbe probedAs(double seconds) {
        return file -> {
            ProbeResult real = new FfmpegMediaProbe().probe(file);
            return new ProbeResult(
                    seconds, real.sampleRateHz(), real.channels(), real.formatName(), real.bitRate(), real.streams());
        };
    }

    private String wav(String name, double seconds) throws Exception {
        String key = StorageKeys.upload(Requests.TENANT, "job-1", name);
        Files.createDirectories(storageRoot.resolve(key).getParent());
        TestMedia.wav(storageRoot.resolve(key), 16_000, 1, seconds, 220);
        return key;
    }

    private ObjectStorage storage() {
        return new ObjectStorage(storageRoot.toUri().toString());
    }

    private List<VoiceEvent> run(KeyedProcessFunction<String, VoiceRequest, VoiceEvent> operator, VoiceRequest request)
            throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(operator), VoiceRequest::jobId, Types.STRING);
        harness.open();
        harness.processElement(request, 0);
        return harness.extractOutputValues();
    }
}
