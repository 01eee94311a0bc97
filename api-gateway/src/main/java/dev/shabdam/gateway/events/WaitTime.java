package dev.shabdam.gateway.events;

import dev.shabdam.gateway.problems.ApiProblem;
import org.springframework.http.HttpStatus;

import java.time.Duration;

/** The {@code ?wait=N} parameter of submissions: 0 to 60 seconds. */
public final class WaitTime {
    static final int MAX_SECONDS = 60;

    private WaitTime() {}

    public static Duration parse(String seconds) {
        return parse(seconds, Duration.ZERO);
    }

    /** As {@link #parse(String)}, with {@code fallback} when the parameter is absent. */
    public static Duration parse(String seconds, Duration fallback) {
        if (seconds == null || seconds.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(seconds.trim());
            if (value >= 0 && value <= MAX_SECONDS) {
                return Duration.ofSeconds(value);
            }
        } catch (NumberFormatException e) {
            // answered below like any other out-of-range value
        }
        throw new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "invalid_wait",
                "wait must be a whole number of seconds from 0 to " + MAX_SECONDS + ".");
    }
}
