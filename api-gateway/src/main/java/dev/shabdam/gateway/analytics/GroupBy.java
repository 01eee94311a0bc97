package dev.shabdam.gateway.analytics;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.shabdam.gateway.problems.InvalidRequestException;

import java.util.Arrays;
import java.util.Locale;

/** How analytics split the tenant's jobs: by the UTC day they were created on, or by job type. */
enum GroupBy {
    DAY,
    TYPE;

    /** The {@code groupBy} parameter: {@code day} (the default) or {@code type}. */
    static GroupBy parse(String value) {
        if (value == null || value.isBlank()) {
            return DAY;
        }
        return Arrays.stream(values())
                .filter(g -> g.parameter().equalsIgnoreCase(value.trim()))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("invalid_parameter", "groupBy must be day or type."));
    }

    @JsonValue
    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
