package dev.shabdam.gateway.problems;

/** The request names no tenant: its API key is missing or unknown. */
public class NotAuthenticatedException extends GatewayException {

    public NotAuthenticatedException(String code, String detail) {
        super(code, detail, null);
    }
}
