package dev.shabdam.gateway.jobs;

import dev.shabdam.gateway.problems.ConflictException;

/** A job the client waited on for its result was cancelled instead: there is no result to give. */
public class JobCancelledException extends ConflictException {

    public JobCancelledException(String jobId) {
        super("job_cancelled", "Job " + jobId + " was cancelled.");
    }
}
