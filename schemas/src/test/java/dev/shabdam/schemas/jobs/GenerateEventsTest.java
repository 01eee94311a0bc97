package dev.shabdam.schemas.jobs;

import dev.shabdam.speech.text.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateEventsTest {

    /** A text of at most {@link TextNormalizer#MAX_CHARS} characters has at most as many sentences. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, TextNormalizer.MAX_CHARS})
    void numbersTheEventsAsTheUpsertNeedsThem(int sentences) {
        UpsertOrder.assertUpsertSafe(inOrder(sentences), GenerateEvents.FINAL);
    }

    @Test
    void keepsTheNumbersStoredJobsHave() {
        assertThat(inOrder(2)).extracting(PlannedEvent::seq).containsExactly(1, 2, 3);
        assertThat(inOrder(2)).extracting(PlannedEvent::progress).containsExactly(0.0, 1 / 3.0, 2 / 3.0);
        assertThat(GenerateEvents.FINAL).isEqualTo(EventSeq.FINAL);
        assertThat(GenerateEvents.STARTED.stage()).isEqualTo("synthesize");
    }

    private static List<PlannedEvent> inOrder(int sentences) {
        List<PlannedEvent> events = new ArrayList<>(List.of(GenerateEvents.STARTED));
        for (int k = 0; k < sentences; k++) {
            events.add(GenerateEvents.sentenceDone(k, sentences));
        }
        return events;
    }
}
