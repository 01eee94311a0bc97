package dev.shabdam.schemas.jobs;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CompareEventsTest {
    private static final List<PlannedEvent> IN_ORDER =
            List.of(CompareEvents.DECODE_STARTED, CompareEvents.DECODE_DONE, CompareEvents.COMPARISON_STARTED);

    @Test
    void numbersTheEventsAsTheUpsertNeedsThem() {
        UpsertOrder.assertUpsertSafe(IN_ORDER, CompareEvents.FINAL);
    }

    @Test
    void keepsTheNumbersStoredJobsHave() {
        assertThat(IN_ORDER).extracting(PlannedEvent::seq).containsExactly(1, 2, 3);
        assertThat(CompareEvents.FINAL).isEqualTo(4);
        assertThat(IN_ORDER).extracting(PlannedEvent::stage).containsExactly("decode", "decode", "compare");
        assertThat(IN_ORDER).extracting(PlannedEvent::progress).containsExactly(0.0, 0.5, 0.5);
    }
}
