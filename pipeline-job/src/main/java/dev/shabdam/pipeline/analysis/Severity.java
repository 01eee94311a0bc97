package dev.shabdam.pipeline.analysis;

import com.fasterxml.jackson.annotation.JsonValue;

/** How much a suggestion matters; written in lower case in JSON. */
public enum Severity {
    INFO,
    WARNING,
    ERROR;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
