package dev.shabdam.gateway.problems;

/** The request is well formed but clashes with what exists: a name taken, a job that ended otherwise. */
public class ConflictException extends GatewayException {

    public ConflictException(String code, String detail) {
        super(code, detail, null);
    }
}
