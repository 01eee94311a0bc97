package dev.shabdam.pipeline.jobs;

import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.JobError;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.schemas.jobs.EventSeq;
import dev.shabdam.testsupport.Requests;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JobRouterTest {
    private OneInputStreamOperatorTestHarness<VoiceRequest, VoiceEvent> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new JobRouter());
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void sendsAnalyzeToItsOperator() throws Exception {
        VoiceRequest request = Requests.analyze("job-1", "uploads/tenant-a/job-1/file");

        harness.processElement(request, 0);

        assertThat(routed()).containsExactly(request);
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = JobType.class,
            names = {"ANALYZE", "COMPARE", "GENERATE", "DUB", "DETECT_WATERMARK"},
            mode = EnumSource.Mode.EXCLUDE)
    void failsTypesNotBuiltYet(JobType type) throws Exception {
        harness.processElement(Requests.submit("job-1", type), 0);

        assertThat(routed()).isEmpty();
        assertThat(harness.extractOutputValues()).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(EventKind.FAILED);
            assertThat(event.seq()).isEqualTo(EventSeq.FIRST);
            assertThat(event.type()).isEqualTo(type);
            assertThat(event.error()).extracting(JobError::code).isEqualTo("not_implemented");
        });
    }

    @ParameterizedTest
    @EnumSource(
            value = JobType.class,
            names = {"COMPARE", "DUB", "DETECT_WATERMARK"})
    void sendsOtherBuiltTypesToTheirOperators(JobType type) throws Exception {
        VoiceRequest request = Requests.submit("job-2", type);

        harness.processElement(request, 0);

        OutputTag<VoiceRequest> operator = switch (type) {
            case COMPARE -> JobRouter.COMPARE;
            case DETECT_WATERMARK -> JobRouter.DETECT_WATERMARK;
            case DUB -> JobRouter.DUB;
            default -> throw new IllegalArgumentException("not a routed type: " + type);
        };
        assertThat(routed(operator)).containsExactly(request);
        assertThat(routed()).isEmpty();
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    private List<VoiceRequest> routed() {
        return routed(JobRouter.ANALYZE);
    }

    private List<VoiceRequest> routed(OutputTag<VoiceRequest> tag) {
        var side = harness.getSideOutput(tag);
        return side == null
                ? List.of()
                : side.stream().map(StreamRecord::getValue).toList();
    }
}
