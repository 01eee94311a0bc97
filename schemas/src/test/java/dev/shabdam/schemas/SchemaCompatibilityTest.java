package dev.shabdam.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The current readers accept what earlier writers wrote, and the JSON Schemas describe what we write. */
class SchemaCompatibilityTest {

    @Test
    void currentReaderReadsVersion1Requests() throws Exception {
        VoiceRequest request = RecordCodec.decodeRequest(resource("/records/v1/analyze-request.json"));

        assertThat(request.schemaVersion()).isEqualTo(1);
        assertThat(request.jobId()).isEqualTo("0b7f5c1e-3a7e-4d0e-9a53-4f8d1d7f2c11");
        assertThat(request.type()).isEqualTo(JobType.ANALYZE);
        assertThat(request.action())
                .as("version 1 had no action: every record was a submission")
                .isEqualTo(RequestAction.SUBMIT);
        assertThat(request.inputs())
                .containsEntry("file", "uploads/acme/0b7f5c1e-3a7e-4d0e-9a53-4f8d1d7f2c11/input.wav");
        assertThat(request.submittedAt()).isEqualTo(Instant.parse("2026-11-20T10:15:30Z"));
    }

    @Test
    void currentReaderReadsVersion1Events() throws Exception {
        VoiceEvent event = RecordCodec.decodeEvent(resource("/records/v1/completed-event.json"));

        assertThat(event.kind()).isEqualTo(EventKind.COMPLETED);
        assertThat(event.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(RecordCodec.mapper()
                        .readTree(event.result())
                        .get("sampleRateHz")
                        .asInt())
                .isEqualTo(16000);
    }

    @Test
    void currentRecordsRoundTripWithEmbeddedResult() throws Exception {
        VoiceEvent event = new VoiceEvent(
                VoiceEvent.CURRENT_VERSION,
                "j1",
                "t1",
                JobType.ANALYZE,
                3,
                EventKind.COMPLETED,
                "probe",
                1.0,
                null,
                12L,
                "{\"channels\":2}",
                null,
                Map.of("report", "jobs/j1/outputs/report"),
                1.5,
                Instant.parse("2026-11-25T00:00:00Z"));

        byte[] bytes = RecordCodec.encode(event);
        JsonNode tree = RecordCodec.mapper().readTree(bytes);

        assertThat(tree.get("result").isObject())
                .as("result travels as a JSON object, not a string")
                .isTrue();
        assertThat(RecordCodec.decodeEvent(bytes)).isEqualTo(event);
    }

    @Test
    void inlineOutputsRoundTripAsBase64AndAreLeftOutWhenStripped() throws Exception {
        byte[] audio = {'R', 'I', 'F', 'F', 0, -1, 127, -128};
        VoiceEvent reply = new VoiceEvent(
                        VoiceEvent.CURRENT_VERSION,
                        "j1",
                        "t1",
                        JobType.GENERATE,
                        99,
                        EventKind.COMPLETED,
                        "synthesize",
                        1.0,
                        null,
                        12L,
                        "{\"durationSec\":0.5}",
                        null,
                        Map.of("audio", "cache/tts/k.wav"),
                        0.5,
                        Instant.parse("2026-11-25T00:00:00Z"))
                .withInlineOutput("audio", audio);

        byte[] bytes = RecordCodec.encode(reply);
        VoiceEvent read = RecordCodec.decodeEvent(bytes);

        assertThat(RecordCodec.mapper()
                        .readTree(bytes)
                        .get("inlineOutputs")
                        .get("audio")
                        .asText())
                .isEqualTo("UklGRgD/f4A=");
        assertThat(read).isEqualTo(reply);
        assertThat(read.inlineOutput("audio")).hasValue(audio);
        assertThat(read.inlineOutput("sentence-0")).isEmpty();
        VoiceEvent recorded = read.withoutInlineOutputs();
        assertThat(recorded.inlineOutputs()).isEmpty();
        assertThat(recorded.outputs()).isEqualTo(reply.outputs());
        assertThat(RecordCodec.mapper().readTree(RecordCodec.encode(recorded)).has("inlineOutputs"))
                .as("an event without inline outputs is written as version 1 wrote it, but for its version")
                .isFalse();
    }

    /** The fields of version 1, as a reader built before version 2 declares them. */
    record Version1Event(
            int schemaVersion,
            String jobId,
            String tenantId,
            JobType type,
            int seq,
            EventKind kind,
            String stage,
            double progress,
            Map<String, String> outputs) {}

    @Test
    void version1ReaderIgnoresInlineOutputs() throws Exception {
        VoiceEvent reply = new VoiceEvent(
                        VoiceEvent.CURRENT_VERSION,
                        "j1",
                        "t1",
                        JobType.GENERATE,
                        2,
                        EventKind.PROGRESS,
                        "synthesize",
                        0.5,
                        0,
                        null,
                        null,
                        null,
                        Map.of("sentence-0", "jobs/j1/outputs/sentence-0.wav"),
                        null,
                        Instant.now())
                .withInlineOutput("sentence-0", new byte[] {1, 2, 3});

        Version1Event old = RecordCodec.mapper().readValue(RecordCodec.encode(reply), Version1Event.class);

        assertThat(old.outputs()).isEqualTo(reply.outputs());
        assertThat(old.seq()).isEqualTo(2);
    }

    @Test
    void olderReaderShapeIgnoresFieldsAddedLater() throws Exception {
        byte[] fromNewerWriter = """
                {"schemaVersion":3,"jobId":"j","tenantId":"t","type":"DUB","action":"SUBMIT","priority":"BULK"}
                """.getBytes();

        assertThat(RecordCodec.decodeRequest(fromNewerWriter).type()).isEqualTo(JobType.DUB);
    }

    @Test
    void writtenFieldsAreDeclaredInTheCurrentSchemas() throws Exception {
        VoiceRequest request = VoiceRequest.submit("j", "t", JobType.ANALYZE, Map.of(), Map.of(), Instant.now());
        assertThat(fieldNames(RecordCodec.mapper().readTree(RecordCodec.encode(request))))
                .isSubsetOf(schemaProperties("/schemas/voice.requests.v2.schema.json"));

        VoiceEvent event = new VoiceEvent(
                        VoiceEvent.CURRENT_VERSION,
                        "j",
                        "t",
                        JobType.GENERATE,
                        1,
                        EventKind.PROGRESS,
                        "synthesize",
                        0.0,
                        0,
                        null,
                        null,
                        null,
                        Map.of("sentence-0", "k"),
                        null,
                        Instant.now())
                .withInlineOutput("sentence-0", new byte[] {1});
        assertThat(fieldNames(RecordCodec.mapper().readTree(RecordCodec.encode(event))))
                .contains("inlineOutputs")
                .isSubsetOf(schemaProperties("/schemas/voice.events.v2.schema.json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"voice.requests", "voice.events"})
    void version2SchemaKeepsEveryVersion1FieldAndRequirement(String topic) throws Exception {
        String v1Schema = "/schemas/" + topic + ".v1.schema.json";
        String v2Schema = "/schemas/" + topic + ".v2.schema.json";
        JsonNode v1 = RecordCodec.mapper().readTree(resource(v1Schema));
        JsonNode v2 = RecordCodec.mapper().readTree(resource(v2Schema));

        assertThat(schemaProperties(v2Schema)).containsAll(schemaProperties(v1Schema));
        assertThat(v2.get("required")).isEqualTo(v1.get("required"));
    }

    @Test
    void unreadableRecordsAreRefusedWithAReason() {
        assertThatThrownBy(() -> RecordCodec.decodeRequest(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> RecordCodec.decodeRequest("not json".getBytes()))
                .isInstanceOf(UnreadableRecordException.class);
        assertThatThrownBy(() -> RecordCodec.decodeRequest("{\"jobId\":\"j\",\"type\":\"ANALYZE\"}".getBytes()))
                .hasMessageContaining("tenantId");
        assertThatThrownBy(() ->
                        RecordCodec.decodeRequest("{\"jobId\":\"j\",\"tenantId\":\"t\",\"type\":\"SING\"}".getBytes()))
                .hasMessageContaining("job type");
    }

    private static Set<String> schemaProperties(String path) throws IOException {
        return fieldNames(RecordCodec.mapper().readTree(resource(path)).get("properties"));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
