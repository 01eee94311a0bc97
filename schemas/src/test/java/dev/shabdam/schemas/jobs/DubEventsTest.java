package dev.shabdam.schemas.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DubEventsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 110, DubEvents.MAX_LINES})
    void numbersTheEventsAsTheUpsertNeedsThemWhetherTheSpeechIsHeardOrGiven(int lines) {
        UpsertOrder.assertUpsertSafe(inOrder(true, lines), DubEvents.FINAL);
        UpsertOrder.assertUpsertSafe(inOrder(false, lines), DubEvents.FINAL);
    }

    @Test
    void keepsTheNumbersStoredJobsHave() {
        assertThat(inOrder(false, 3)).extracting(PlannedEvent::seq).containsExactly(1, 2, 4, 10, 11, 12, 13);
        assertThat(inOrder(true, 1))
                .extracting(PlannedEvent::stage)
                .containsExactly("ingest", "ingest", "transcribe", "translate", "synthesize", "mix");
        assertThat(inOrder(true, 2))
                .extracting(PlannedEvent::progress)
                .containsExactly(0.0, 0.05, 0.1, 0.15, 0.5, 0.85, 0.85);
        assertThat(DubEvents.FINAL).isEqualTo(EventSeq.FINAL);
    }

    private static List<PlannedEvent> inOrder(boolean heard, int lines) {
        List<PlannedEvent> events = new ArrayList<>(List.of(DubEvents.INGEST_STARTED, DubEvents.INGEST_DONE));
        if (heard) {
            events.add(DubEvents.TRANSCRIBED);
        }
        events.add(DubEvents.SCRIPTED);
        for (int k = 1; k <= lines; k++) {
            events.add(DubEvents.lineReceived(k, lines));
        }
        events.add(DubEvents.mixStarted(lines));
        return events;
    }
}
