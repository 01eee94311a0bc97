package dev.shabdam.speech;

/**
 * The one failure type of the synthesis core. {@link #code()} is the machine-readable
 * code that the gateway copies into its RFC 9457 problem details, so it must stay stable.
 */
public final class SynthesisException extends RuntimeException {

    /** Error codes; the wire names are part of the REST contract (API.md). */
    public enum Code {
        EMPTY_TEXT("empty_text"),
        TEXT_TOO_LONG("text_too_long"),
        INVALID_TEXT("invalid_text"),
        UNSUPPORTED_LANGUAGE("unsupported_language"),
        INVALID_VOICE("invalid_voice"),
        VOICE_NOT_FOUND("voice_not_found"),
        INVALID_PARAMETER("invalid_parameter"),
        INVALID_SSML("invalid_ssml"),
        MODEL_MISSING("model_missing"),
        ENGINE_UNAVAILABLE("engine_unavailable"),
        ENGINE_FAILED("engine_failed");

        private final String wireName;

        Code(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    private static final long serialVersionUID = 1L;

    private final Code code;

    public SynthesisException(Code code, String detail) {
        super(detail);
        this.code = code;
    }

    public SynthesisException(Code code, String detail, Throwable cause) {
        super(detail, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    /** The wire name, e.g. {@code text_too_long}. */
    public String codeName() {
        return code.wireName();
    }

    @Override
    public String toString() {
        return "SynthesisException[" + code.wireName() + "]: " + getMessage();
    }
}
