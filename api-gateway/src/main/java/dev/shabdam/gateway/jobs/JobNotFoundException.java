package dev.shabdam.gateway.jobs;

import dev.shabdam.gateway.problems.NotFoundException;

import java.util.regex.Pattern;

/** The tenant has no job of that id (another tenant's job is as absent as an unknown one). */
public class JobNotFoundException extends NotFoundException {
    /** What {@link Jobs#newJobId} makes; anything else is not echoed back (it may be a path someone tried). */
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    JobNotFoundException(String jobId) {
        super(
                "job_not_found",
                JOB_ID.matcher(jobId).matches()
                        ? "There is no job " + jobId + "."
                        : "There is no job with that id: job ids are UUIDs.");
    }
}
