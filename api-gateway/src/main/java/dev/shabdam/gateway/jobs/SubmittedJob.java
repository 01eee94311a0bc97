package dev.shabdam.gateway.jobs;

import dev.shabdam.schemas.JobStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.Map;

/** The 202 answer to a submission: where to follow the job. */
public record SubmittedJob(String jobId, JobStatus status, Map<String, String> links) {

    public static SubmittedJob of(JobRow row) {
        return new SubmittedJob(
                row.jobId(),
                row.status(),
                Map.of("self", JobLinks.self(row.jobId()), "events", JobLinks.events(row.jobId())));
    }

    /** 202 with the job and its location: the answer when a submission is not waited for to the end. */
    public static ResponseEntity<Object> accepted(JobRow row) {
        return ResponseEntity.accepted()
                .location(URI.create(JobLinks.self(row.jobId())))
                .body(of(row));
    }
}
