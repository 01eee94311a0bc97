package dev.shabdam.pipeline.jobs;

import dev.shabdam.pipeline.dubbing.translation.TranslationException;
import dev.shabdam.pipeline.io.MissingObjectException;
import dev.shabdam.pipeline.media.MediaDecodeException;
import dev.shabdam.schemas.JobError;
import dev.shabdam.speech.SynthesisException;

/**
 * The code and reason a job fails with, for each exception a job's work may throw. A code the client
 * can act on where there is one; {@code internal_error} for the unexpected, which operators log.
 */
public final class JobFailures {
    public static final String INTERNAL_ERROR = "internal_error";

    private JobFailures() {
    }

    public static JobError describe(Exception failure) {
        if (failure instanceof MediaDecodeException) {
            return new JobError("unsupported_media", failure.getMessage());
        } else if (failure instanceof MissingObjectException) {
            return new JobError("input_missing", "the uploaded file is gone: " + failure.getMessage());
        } else if (failure instanceof InputMissingException) {
            return new JobError("input_missing", failure.getMessage());
        } else if (failure instanceof InvalidParameterException) {
            return new JobError("invalid_parameter", failure.getMessage());
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
