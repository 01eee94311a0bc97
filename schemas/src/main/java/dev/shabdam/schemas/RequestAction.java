package dev.shabdam.schemas;

/** Added in schema version 2 of {@code voice.requests}; version 1 records are all submissions. */
public enum RequestAction {
    SUBMIT,
    CANCEL
}
