package dev.shabdam.pipeline.jobs;

/**
 * A job cannot be done, for a reason the client can act on; the job fails with {@link #code()}
 * (a wire name of the API, e.g. {@code no_speech}) and this message.
 */
public class JobFailedException extends Exception {
    private final String code;

    public JobFailedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
