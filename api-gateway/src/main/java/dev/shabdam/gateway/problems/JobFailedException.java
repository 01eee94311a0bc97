package dev.shabdam.gateway.problems;

import dev.shabdam.schemas.JobError;

/**
 * A job the client waited on failed: the answer is the job's own error, its code the pipeline's (the synthesis
 * core's codes for GENERATE, which decide the status as they do for a refused request).
 */
public class JobFailedException extends GatewayException {
    private static final String DEFAULT_CODE = "generation_failed";
    private static final String DEFAULT_DETAIL = "The generation failed.";

    public JobFailedException(JobError error) {
        super(error == null || error.code() == null ? DEFAULT_CODE : error.code(), detail(error), null);
    }

    private static String detail(JobError error) {
        return error == null
                        || error.code() == null
                        || error.detail() == null
                        || error.detail().isBlank()
                ? DEFAULT_DETAIL
                : error.detail();
    }
}
