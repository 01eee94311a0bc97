package dev.shabdam.pipeline.jobs;

import dev.shabdam.pipeline.io.DeadLetter;
import dev.shabdam.pipeline.io.RawRecord;
import dev.shabdam.pipeline.io.RawRecords;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.testsupport.Requests;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestDecoderTest {
    private OneInputStreamOperatorTestHarness<RawRecord, VoiceRequest> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new RequestDecoder());
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void passesReadableRequestOn() throws Exception {
        VoiceRequest request = Requests.analyze("job-1", "uploads/tenant-a/job-1/file");

        harness.processElement(RawRecords.of(request), 0);

        assertThat(harness.extractOutputValues()).containsExactly(request);
        assertThat(deadLetters()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            garbage              | not json at all                                          | not a VoiceRequest
            empty                | ''                                                       | empty record
            json null            | null                                                     | record is JSON null
            no job id            | {"tenantId":"t","type":"ANALYZE"}                        | missing jobId
            no tenant            | {"jobId":"j","type":"ANALYZE"}                           | missing tenantId
            unknown type         | {"jobId":"j","tenantId":"t","type":"SING"}               | missing or unknown job type
            unsafe job id        | {"jobId":"../etc","tenantId":"t","type":"ANALYZE"}       | jobId is not a safe name
            """)
    void sendsUnreadableRecordToDeadLetters(String what, String value, String reason) throws Exception {
        RawRecord raw = RawRecords.of("some-key", value);

        harness.processElement(raw, 0);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(deadLetters()).singleElement().satisfies(letter -> {
            // the harness hands on copies, as Flink does between operators
            assertThat(letter.record().key()).isEqualTo(raw.key());
            assertThat(letter.record().value()).isEqualTo(raw.value());
            assertThat(letter.record().offset()).isEqualTo(raw.offset());
            assertThat(letter.reason()).contains(reason);
        });
    }

    @Test
    void keepsGoingAfterDeadLetter() throws Exception {
        harness.processElement(RawRecords.of(null, new byte[] {0x1f, (byte) 0x8b, 0, 1}), 0);
        harness.processElement(RawRecords.of(Requests.submit("job-2", JobType.DUB)), 1);

        assertThat(deadLetters()).hasSize(1);
        assertThat(harness.extractOutputValues())
                .extracting(VoiceRequest::jobId)
                .containsExactly("job-2");
    }

    private List<DeadLetter> deadLetters() {
        var side = harness.getSideOutput(RequestDecoder.DEAD_LETTERS);
        return side == null
                ? List.of()
                : side.stream().map(StreamRecord::getValue).toList();
    }
}
