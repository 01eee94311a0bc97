package dev.shabdam.pipeline.jobs;

import dev.shabdam.pipeline.dubbing.translation.TranslationException;
import dev.shabdam.pipeline.io.MissingObjectException;
import dev.shabdam.pipeline.media.MediaDecodeException;
import dev.shabdam.pipeline.media.MediaTooLongException;
import dev.shabdam.schemas.JobError;
import dev.shabdam.speech.SynthesisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The code and reason a job fails with, for each exception a job's work may throw. A code the client
 * can act on where there is one; {@code internal_error} for the unexpected, which is logged with its
 * stack trace, since the client's reason alone will not explain it.
 */
public final class JobFailures {
    private static final String INTERNAL_ERROR = "internal_error";
    private static final Logger LOG = LoggerFactory.getLogger(JobFailures.class);

    private JobFailures() {}

    /** @param work what failed, for the log: e.g. "DUB job 42", "line 3 of dub 42" */
    public static JobError describe(Exception failure, String work) {
        JobError error = describe(failure);
        if (error.code().equals(INTERNAL_ERROR)) {
            LOG.warn("{} failed", work, failure);
        }
        return error;
    }

    private static JobError describe(Exception failure) {
        if (failure instanceof MediaTooLongException) {
            return new JobError("media_too_long", failure.getMessage());
        } else if (failure instanceof MediaDecodeException) {
            return new JobError("unsupported_media", failure.getMessage());
        } else if (failure instanceof MissingObjectException) {
            return new JobError("input_missing", "the uploaded file is gone: " + failure.getMessage());
        } else if (failure instanceof InputMissingException) {
            return new JobError("input_missing", failure.getMessage());
        } else if (failure instanceof SynthesisException e) {
            return new JobError(e.codeName(), e.getMessage());
        } else if (failure instanceof TranslationException e) {
            return new JobError(e.code(), e.getMessage());
        } else if (failure instanceof JobFailedException e) {
            return new JobError(e.code(), e.getMessage());
        }
        return new JobError(INTERNAL_ERROR, failure.toString());
    }
}
