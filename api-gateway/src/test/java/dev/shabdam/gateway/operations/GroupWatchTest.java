package dev.shabdam.gateway.operations;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class GroupWatchTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private final GroupWatch watch = new GroupWatch();

    private Duration behind(long committed, long lag, long secondsLater) {
        return watch.behindFor(new ConsumerGroups.Position("g", committed, lag), T0.plusSeconds(secondsLater));
    }

    @Test
    void aGroupWithWorkLeftAndOffsetsStandingStillFallsBehindFromItsLastMove() {
        assertThat(behind(10, 5, 0)).isZero(); // first reading: nothing known before it
        assertThat(behind(10, 5, 30)).hasSeconds(30);
        assertThat(behind(10, 7, 60)).hasSeconds(60);
        assertThat(behind(12, 5, 90)).as("its offsets moved").isZero();
        assertThat(behind(12, 5, 100)).hasSeconds(10);
    }

    @Test
    void aGroupWithNothingLeftKeepsUpWhileItsOffsetsStandStill() {
        assertThat(behind(10, 0, 0)).isZero();
        assertThat(behind(10, 0, 600)).isZero();
        assertThat(behind(10, 1, 601)).as("a new request, just now").hasSeconds(1);
    }
}
