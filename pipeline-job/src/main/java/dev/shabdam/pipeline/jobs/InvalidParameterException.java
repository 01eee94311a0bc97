package dev.shabdam.pipeline.jobs;

/** A job's parameters or inputs do not make sense; the job fails with {@code invalid_parameter}. */
public class InvalidParameterException extends Exception {
    public InvalidParameterException(String message) {
        super(message);
    }
}
