package dev.shabdam.gateway.jobs;

import org.springframework.http.ResponseEntity;

import java.net.URI;

/** The HTTP answers to a submission, for the controllers that take one. */
public final class JobResponses {

    private JobResponses() {}

    /** 200 with the job as it ended, else 202 with where to follow it. */
    public static ResponseEntity<Object> of(JobOutcome outcome) {
        return outcome instanceof JobOutcome.Ended ended
                ? ResponseEntity.ok(JobView.of(ended.job()))
                : accepted(outcome.job());
    }

    /** 202 with the job and its location: the answer when a submission is not waited for to the end. */
    public static ResponseEntity<Object> accepted(JobRow job) {
        return ResponseEntity.accepted()
                .location(URI.create(JobLinks.self(job.jobId())))
                .body(SubmittedJob.of(job));
    }
}
