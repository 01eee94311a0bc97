package dev.shabdam.gateway.jobs;

import dev.shabdam.gateway.problems.InvalidRequestException;

import java.time.Duration;

/** The {@code ?wait=N} parameter of submissions: how long to wait for the job's end, 0 to 60 seconds. */
public record WaitTime(Duration duration) {
    public static final int MAX_SECONDS = 60;

    /** {@code seconds} as the query gives it; anything but a whole number from 0 to 60 is {@code invalid_wait}. */
    public static WaitTime parse(String seconds) {
        try {
            int value = Integer.parseInt(seconds.trim());
            if (value >= 0 && value <= MAX_SECONDS) {
                return new WaitTime(Duration.ofSeconds(value));
            }
        } catch (NumberFormatException e) {
            // answered below like any other out-of-range value
        }
        throw new InvalidRequestException(
                "invalid_wait", "wait must be a whole number of seconds from 0 to " + MAX_SECONDS + ".");
    }
}
