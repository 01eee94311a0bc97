package dev.shabdam.gateway.problems;

/** A body, part or field is larger than its limit. */
public class TooLargeException extends GatewayException {

    public TooLargeException(String code, String detail) {
        this(code, detail, null);
    }

    public TooLargeException(String code, String detail, Throwable cause) {
        super(code, detail, cause);
    }
}
