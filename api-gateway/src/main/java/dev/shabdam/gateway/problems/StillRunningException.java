package dev.shabdam.gateway.problems;

/** A job did not answer within the time a request may take; it goes on, and the answer says where to follow it. */
public class StillRunningException extends GatewayException {
    private final String followAt;

    /** @param followAt the job's path in the API */
    public StillRunningException(String code, String detail, String followAt) {
        super(code, detail, null);
        this.followAt = followAt;
    }

    public String followAt() {
        return followAt;
    }
}
