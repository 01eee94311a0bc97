package dev.shabdam.gateway.problems;

/** A service the request needs (the queue, storage, an engine) is down for now; later may work. */
public class UnavailableException extends GatewayException {

    public UnavailableException(String code, String detail, Throwable cause) {
        super(code, detail, cause);
    }
}
