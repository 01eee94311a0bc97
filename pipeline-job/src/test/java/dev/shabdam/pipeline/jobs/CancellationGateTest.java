package dev.shabdam.pipeline.jobs;

import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.schemas.jobs.EventSeq;
import dev.shabdam.testsupport.Requests;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CancellationGateTest {
    private KeyedOneInputStreamOperatorTestHarness<String, VoiceRequest, VoiceRequest> harness;

    @BeforeEach
    void open() throws Exception {
        harness = unopened();
        harness.open();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, VoiceRequest, VoiceRequest> unopened()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new CancellationGate()), VoiceRequest::jobId, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void passesSubmissionsOfJobsNotCancelled() throws Exception {
        VoiceRequest submit = Requests.analyze("job-1", "uploads/tenant-a/job-1/file");

        harness.processElement(submit, 0);

        assertThat(harness.extractOutputValues()).containsExactly(submit);
        assertThat(cancelledEvents()).isEmpty();
    }

    @Test
    void cancelEmitsCancelledAndDropsLaterSubmission() throws Exception {
        harness.processElement(Requests.cancel("job-1", JobType.ANALYZE), 0);
        harness.processElement(Requests.analyze("job-1", "uploads/tenant-a/job-1/file"), 1);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(cancelledEvents()).singleElement().satisfies(event -> {
            assertThat(event.jobId()).isEqualTo("job-1");
            assertThat(event.tenantId()).isEqualTo(Requests.TENANT);
            assertThat(event.kind()).isEqualTo(EventKind.CANCELLED);
            assertThat(event.seq()).isEqualTo(EventSeq.CANCELLED);
        });
    }

    @Test
    void cancellingTwiceEmitsOneEvent() throws Exception {
        harness.processElement(Requests.cancel("job-1", JobType.DUB), 0);
        harness.processElement(Requests.cancel("job-1", JobType.DUB), 1);

        assertThat(cancelledEvents()).hasSize(1);
    }

    @Test
    void cancellationOfOneJobLeavesOthersAlone() throws Exception {
        harness.processElement(Requests.cancel("job-1", JobType.ANALYZE), 0);
        harness.processElement(Requests.analyze("job-2", "uploads/tenant-a/job-2/file"), 1);

        assertThat(harness.extractOutputValues())
                .extracting(VoiceRequest::jobId)
                .containsExactly("job-2");
    }

    @Test
    void remembersCancellationAcrossRestore() throws Exception {
        harness.processElement(Requests.cancel("job-1", JobType.ANALYZE), 0);
        var snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = unopened();
        harness.initializeState(snapshot);
        harness.open();
        harness.processElement(Requests.analyze("job-1", "uploads/tenant-a/job-1/file"), 2);

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    private List<VoiceEvent> cancelledEvents() {
        var side = harness.getSideOutput(CancellationGate.CANCELLED);
        return side == null
                ? List.of()
                : side.stream().map(StreamRecord::getValue).toList();
    }
}
