package dev.shabdam.schemas.jobs;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the {@code job_events} upsert needs of a job's events: one row per seq, and a {@code jobs} row
 * that follows the highest seq. So the seqs must grow strictly in the order the work happens, from
 * {@link EventSeq#FIRST}; the final event must outrank every one of them; a cancellation must outrank
 * the final event; and progress must never go back.
 */
final class UpsertOrder {

    private UpsertOrder() {}

    static void assertUpsertSafe(List<PlannedEvent> inWorkOrder, int finalSeq) {
        List<Integer> seqs = inWorkOrder.stream().map(PlannedEvent::seq).toList();
        List<Double> progress = inWorkOrder.stream().map(PlannedEvent::progress).toList();

        assertThat(seqs.get(0)).as("the first event").isEqualTo(EventSeq.FIRST);
        assertThat(seqs).as("seqs in the order the work happens").isSorted().doesNotHaveDuplicates();
        assertThat(finalSeq).as("the final event outranks every other").isGreaterThan(seqs.get(seqs.size() - 1));
        assertThat(EventSeq.CANCELLED)
                .as("a cancellation outranks the final event")
                .isGreaterThan(finalSeq);
        assertThat(progress)
                .as("progress never goes back")
                .isSorted()
                .allSatisfy(done -> assertThat(done).isBetween(0.0, 1.0));
        assertThat(inWorkOrder)
                .as("every event names its stage")
                .allSatisfy(event -> assertThat(event.stage()).isNotBlank());
    }
}
