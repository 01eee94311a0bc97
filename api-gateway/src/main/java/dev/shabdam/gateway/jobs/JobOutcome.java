package dev.shabdam.gateway.jobs;

import dev.shabdam.schemas.VoiceEvent;

/** What a job came to within the time a request waited for it. */
public sealed interface JobOutcome permits JobOutcome.Running, JobOutcome.Ended {

    JobRow job();

    /** Not ended within the wait (or nobody waited): the job as the request left it, to be followed. */
    record Running(JobRow job) implements JobOutcome {}

    /**
     * Ended within the wait: the job as it ended, and its final event when this gateway heard it (null for a job
     * found ended in the table). The event may carry small outputs inline (from {@code voice.replies}), which saves
     * a read from storage.
     */
    record Ended(JobRow job, VoiceEvent finalEvent) implements JobOutcome {}
}
