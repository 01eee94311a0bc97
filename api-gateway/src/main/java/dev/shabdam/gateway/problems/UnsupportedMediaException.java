package dev.shabdam.gateway.problems;

/** An upload is not media the engine reads. */
public class UnsupportedMediaException extends GatewayException {

    public UnsupportedMediaException(String code, String detail) {
        super(code, detail, null);
    }
}
