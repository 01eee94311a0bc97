package dev.shabdam.pipeline.dubbing.translation;

/**
 * A translation that did not happen. The message says what went wrong (the HTTP status and the start
 * of the body, or why the answer was not accepted) and after how many attempts.
 */
public class TranslationException extends Exception {

    public TranslationException(String message) {
        super(message);
    }

    public TranslationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The failure code that job reports carry. */
    public String code() {
        return "translation_failed";
    }
}
