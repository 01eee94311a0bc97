package dev.shabdam.gateway.problems;

/** Something of ours broke; the client can do nothing about it but report it. */
public class InternalFailureException extends GatewayException {

    public InternalFailureException(String code, String detail) {
        super(code, detail, null);
    }
}
