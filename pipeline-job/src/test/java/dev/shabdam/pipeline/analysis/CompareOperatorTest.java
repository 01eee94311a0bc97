package dev.shabdam.pipeline.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.pipeline.analysis.speaker.OnnxSpeakerEmbedder;
import dev.shabdam.pipeline.analysis.speaker.StandInSpeakerModel;
import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.jobs.JobLimits;
import dev.shabdam.pipeline.jobs.Quarantines;
import dev.shabdam.pipeline.media.FfmpegMediaProbe;
import dev.shabdam.pipeline.media.TestMedia;
import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.testsupport.Requests;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class CompareOperatorTest {
    @TempDir
    Path storageRoot;

    @TempDir
    Path modelsDir;

    private KeyedOneInputStreamOperatorTestHarness<String, VoiceRequest, VoiceEvent> harness;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void comparesTwoRecordingsInStages() throws Exception {
        String a = stored("a.wav", 1.0);
        String b = stored("b.wav", 2.0);

        List<VoiceEvent> events = run(Map.of("a", a, "b", b));

        assertThat(events)
                .extracting(VoiceEvent::seq, VoiceEvent::kind, VoiceEvent::stage)
                .containsExactly(
                        tuple(1, EventKind.PROGRESS, "decode"),
                        tuple(2, EventKind.PROGRESS, "decode"),
                        tuple(3, EventKind.PROGRESS, "compare"),
                        tuple(4, EventKind.COMPLETED, "compare"));
        assertThat(events.get(1).durationMs()).isNotNull();
        JsonNode result = RecordCodec.mapper().readTree(events.get(3).result());
        assertThat(result.get("durationRatio").asDouble()).isCloseTo(0.5, within(0.01));
        assertThat(result.get("embedding").asText()).isEqualTo("mfcc-stats");
        for (String field :
                List.of("speakerSimilarity", "melCepstralDistortionDb", "loudnessDiffLu", "pitchDiffSemitones")) {
            assertThat(result.has(field)).as(field).isTrue();
        }
    }

    @Test
    void anInstalledSpeakerModelJudgesTheSpeakers() throws Exception {
        StandInSpeakerModel.install(modelsDir);

        List<VoiceEvent> events = run(Map.of("a", stored("a.wav", 1.0), "b", stored("b.wav", 2.0)));

        assertThat(events).last().extracting(VoiceEvent::kind).isEqualTo(EventKind.COMPLETED);
        JsonNode result = RecordCodec.mapper().readTree(events.get(3).result());
        assertThat(result.get("embedding").asText()).isEqualTo(OnnxSpeakerEmbedder.ID);
        // the same 220 Hz tone on both sides
        assertThat(result.get("speakerSimilarity").asDouble()).isCloseTo(1.0, within(0.01));
    }

    @Test
    void aMissingRecordingFailsTheJob() throws Exception {
        List<VoiceEvent> events = run(Map.of("a", stored("a.wav", 1.0)));

        assertThat(events).last().satisfies(failed -> {
            assertThat(failed.kind()).isEqualTo(EventKind.FAILED);
            assertThat(failed.seq()).isEqualTo(4);
            assertThat(failed.error().code()).isEqualTo("input_missing");
        });
    }

    private String stored(String name, double seconds) throws Exception {
        String key = StorageKeys.upload(Requests.TENANT, "job-1", name);
        Files.createDirectories(storageRoot.resolve(key).getParent());
        TestMedia.wav(storageRoot.resolve(key), 16_000, 1, seconds, 220);
        return key;
    }

    private List<VoiceEvent> run(Map<String, String> inputs) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new CompareOperator(
                        new ObjectStorage(storageRoot.toUri().toString()),
                        modelsDir.toString(),
                        new FfmpegMediaProbe(),
                        JobLimits.DEFAULT,
                        Quarantines.fresh())),
                VoiceRequest::jobId,
                Types.STRING);
        harness.open();
        harness.processElement(
                VoiceRequest.submit("job-1", Requests.TENANT, JobType.COMPARE, Map.of(), inputs, Requests.AT), 0);
        return harness.extractOutputValues();
    }
}
