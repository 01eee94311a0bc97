package dev.shabdam.pipeline.jobs;

/** A request lacks an input its job type needs; the job fails with {@code input_missing}. */
public class InputMissingException extends Exception {
    public InputMissingException(String message) {
        super(message);
    }
}
