package dev.shabdam.schemas.jobs;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzeEventsTest {
    private static final List<PlannedEvent> IN_ORDER =
            List.of(AnalyzeEvents.PROBE_STARTED, AnalyzeEvents.PROBE_DONE, AnalyzeEvents.ANALYSIS_STARTED);

    @Test
    void numbersTheEventsAsTheUpsertNeedsThem() {
        UpsertOrder.assertUpsertSafe(IN_ORDER, AnalyzeEvents.FINAL);
    }

    @Test
    void keepsTheNumbersStoredJobsHave() {
        assertThat(IN_ORDER).extracting(PlannedEvent::seq).containsExactly(1, 2, 3);
        assertThat(AnalyzeEvents.FINAL).isEqualTo(4);
        assertThat(IN_ORDER).extracting(PlannedEvent::stage).containsExactly("probe", "probe", "analyze");
        assertThat(IN_ORDER).extracting(PlannedEvent::progress).containsExactly(0.0, 0.1, 0.1);
    }
}
