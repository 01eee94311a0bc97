package dev.shabdam.gateway.analytics;

import dev.shabdam.gateway.problems.InvalidRequestException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The parameters of {@code GET /voice/analytics}: jobs created in {@code [from, to)}, split by {@code groupBy}.
 * A date stands for its midnight UTC; without {@code to} the range ends now, without {@code from} it
 * starts {@value #DEFAULT_DAYS} days before {@code to}.
 */
record AnalyticsQuery(Instant from, Instant to, GroupBy groupBy) {
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    static AnalyticsQuery parse(String from, String to, String groupBy, Instant now) {
        Instant end = isBlank(to) ? now : instant("to", to);
        Instant start = isBlank(from) ? end.minus(Duration.ofDays(DEFAULT_DAYS)) : instant("from", from);
        if (!end.isAfter(start)) {
            throw invalidRange("to must be after from.");
        }
        if (Duration.between(start, end).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw invalidRange("The range from " + start + " to " + end + " is longer than " + MAX_DAYS + " days.");
        }
        return new AnalyticsQuery(start, end, GroupBy.parse(groupBy));
    }

    private static Instant instant(String name, String value) {
        String text = value.trim();
        try {
            return text.contains("T")
                    ? Instant.parse(text)
                    : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(
                    "invalid_parameter", name + " must be an ISO date (2025-01-31) or instant (2025-01-31T12:00:00Z).");
        }
    }

    private static InvalidRequestException invalidRange(String detail) {
        return new InvalidRequestException("invalid_range", detail);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
