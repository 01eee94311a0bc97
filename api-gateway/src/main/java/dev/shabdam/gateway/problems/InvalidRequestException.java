package dev.shabdam.gateway.problems;

/** The request itself is wrong: a parameter, a field, a part or the body; sending it again fails again. */
public class InvalidRequestException extends GatewayException {

    public InvalidRequestException(String code, String detail) {
        this(code, detail, null);
    }

    public InvalidRequestException(String code, String detail, Throwable cause) {
        super(code, detail, cause);
    }
}
