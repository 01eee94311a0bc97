package dev.shabdam.pipeline.jobs;

import dev.shabdam.pipeline.io.AttemptLedger;
import dev.shabdam.schemas.JobError;

import java.io.InterruptedIOException;
import java.io.Serializable;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.Optional;

/**
 * How a work operator runs one record's work, so that a poison pill (a record whose work kills its task:
 * an {@link Error} such as an {@link OutOfMemoryError}, a TaskManager that dies under it, work that
 * never ends) is tried at most twice, and the pipeline goes on serving everyone else.
 *
 * <p>Flink restarts a failed task from its last checkpoint and replays the records since, the poison
 * pill among them; keyed state cannot count the tries, since the restart rolls it back too. So each
 * attempt is counted in the {@link AttemptLedger} BEFORE the work and forgotten after it: a record that
 * begins for the third time crashed its task twice, and is answered FAILED without being tried again
 * ({@code resource_exhausted} when it ran out of memory, {@code timeout} when it ran past its time
 * limit, else {@code internal_error}). The work runs under the job's {@link JobDeadline}.
 */
public final class Quarantine implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The first try and one retry. */
    public static final int MAX_ATTEMPTS = 2;

    static final int MAX_CAUSE_LENGTH = 300;

    private final String operator;
    private final AttemptLedger ledger;
    private final Duration jobTimeout;

    /**
     * @param operator   the operator's uid: attempts are counted per operator and record
     * @param jobTimeout how long one record's work may run ({@link JobLimits#jobTimeout()})
     */
    public Quarantine(String operator, AttemptLedger ledger, Duration jobTimeout) {
        this.operator = operator;
        this.ledger = ledger;
        this.jobTimeout = jobTimeout;
    }

    /** One record's work, with its answers. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /**
     * Runs {@code work}, counted, under the job's deadline; or, for a record quarantined after
     * {@link #MAX_ATTEMPTS} tries, does not run it and answers why: the operator ends the record's job
     * FAILED with that. Whatever escapes the work kills the task: it is noted as the attempt's failure
     * (the answer if this was the last try) and thrown on.
     *
     * @param recordKey what the operator works on: the job id, or the job and line of a dub line
     * @return empty when the work ran
     */
    public Optional<JobError> attempt(String recordKey, Work work) throws Exception {
        AttemptLedger.Attempt attempt = ledger.begin(operator, recordKey, MAX_ATTEMPTS);
        if (attempt.number() > MAX_ATTEMPTS) {
            return Optional.of(reason(attempt));
        }
        try (JobDeadline deadline = JobDeadline.start(jobTimeout)) {
            work.run();
        } catch (Throwable crash) {
            if (interrupted(crash)) {
                // Flink cancels the task because another record crashed it: this record did nothing wrong
                ledger.finished(operator, recordKey);
            } else {
                ledger.crashed(operator, recordKey, failure(crash));
            }
            throw crash;
        }
        ledger.finished(operator, recordKey);
        return Optional.empty();
    }

    public void close() {
        ledger.close();
    }

    /** Whether the work stopped because its thread was interrupted: a task being cancelled, not a poison pill. */
    static boolean interrupted(Throwable crash) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable cause = crash; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException
                    || cause instanceof InterruptedIOException
                    || cause instanceof ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    /** What a crash of the work was, as the job would be told. */
    static JobError failure(Throwable crash) {
        if (crash instanceof OutOfMemoryError) {
            return new JobError("resource_exhausted", "it ran out of memory (" + cause(crash) + ")");
        } else if (crash instanceof JobDeadline.JobTimeoutException) {
            return new JobError("timeout", crash.getMessage());
        }
        return new JobError("internal_error", "it crashed (" + cause(crash) + ")");
    }

    /**
     * Why a quarantined record is not tried again: how its last attempt died where the operator saw it;
     * else a timeout when that attempt began longer ago than the time limit (it never came back: stuck,
     * and its task was lost over it); else its worker was lost under it (a TaskManager that died).
     */
    JobError reason(AttemptLedger.Attempt attempt) {
        JobError last = attempt.previousFailure();
        if (last == null) {
            boolean ranPastLimit =
                    attempt.sincePrevious() != null && attempt.sincePrevious().compareTo(jobTimeout) > 0;
            last = ranPastLimit
                    ? new JobError("timeout", "it ran past its time limit of " + jobTimeout.toSeconds() + " s")
                    : new JobError("internal_error", "its worker was lost while working on it");
        }
        return new JobError(
                last.code(),
                "This job stopped the pipeline's worker on each of its " + MAX_ATTEMPTS
                        + " tries and is not tried again: " + last.detail() + ".");
    }

    private static String cause(Throwable crash) {
        String cause = crash.getClass().getSimpleName() + (crash.getMessage() == null ? "" : ": " + crash.getMessage());
        return cause.length() <= MAX_CAUSE_LENGTH ? cause : cause.substring(0, MAX_CAUSE_LENGTH) + "…";
    }
}
