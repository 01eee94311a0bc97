package dev.shabdam.gateway.jobs;

import dev.shabdam.schemas.JobStatus;

import java.util.Map;

/** The 202 answer to a submission: where to follow the job. */
public record SubmittedJob(String jobId, JobStatus status, Map<String, String> links) {

    public static SubmittedJob of(JobRow row) {
        return new SubmittedJob(
                row.jobId(),
                row.status(),
                Map.of("self", JobLinks.self(row.jobId()), "events", JobLinks.events(row.jobId())));
    }
}
