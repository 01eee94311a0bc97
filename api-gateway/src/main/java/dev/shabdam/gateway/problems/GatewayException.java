package dev.shabdam.gateway.problems;

/**
 * What the gateway refuses or cannot do, in the domain's terms: a machine-readable {@code code} clients act on
 * and a detail people read. Services throw its kinds (the subclasses); {@link ProblemHandler} alone decides
 * which HTTP status each kind is.
 */
public abstract class GatewayException extends RuntimeException {
    private final String code;

    protected GatewayException(String code, String detail, Throwable cause) {
        super(detail, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
