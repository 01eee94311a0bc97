package dev.shabdam.gateway.problems;

/** What the request names does not exist for its tenant (another tenant's is as absent as an unknown one). */
public class NotFoundException extends GatewayException {

    public NotFoundException(String code, String detail) {
        super(code, detail, null);
    }
}
