package dev.shabdam.pipeline.jobs;

import java.time.Duration;
import java.util.Optional;

/**
 * The deadline of the job the current thread works on. An operator starts one around a record's
 * work ({@link #start}); the long loops of that work (decoding block by block, which the mix does too,
 * and transcribing speech span by speech span) call {@link #check()}, which throws {@link JobTimeoutException} once the deadline has
 * passed, so the job ends FAILED {@code timeout} instead of holding its task (and every checkpoint)
 * for good. A thread-local, because the loops sit many calls below the operator and know nothing of
 * Flink; outside a {@link #start} scope {@link #check()} does nothing.
 */
public final class JobDeadline implements AutoCloseable {
    private static final ThreadLocal<JobDeadline> CURRENT = new ThreadLocal<>();

    private final long deadlineNanos;
    private final Duration limit;
    private final JobDeadline outer;

    private JobDeadline(Duration limit, JobDeadline outer) {
        this.deadlineNanos = System.nanoTime() + limit.toNanos();
        this.limit = limit;
        this.outer = outer;
    }

    /** Starts a deadline {@code limit} from now for this thread's work, until {@link #close()}. */
    public static JobDeadline start(Duration limit) {
        JobDeadline deadline = new JobDeadline(limit, CURRENT.get());
        CURRENT.set(deadline);
        return deadline;
    }

    /** Throws once the current thread's deadline has passed; cheap enough to call per block of samples. */
    public static void check() throws JobTimeoutException {
        JobDeadline current = CURRENT.get();
        if (current != null && System.nanoTime() - current.deadlineNanos > 0) {
            throw new JobTimeoutException("the job ran longer than its limit of " + current.limit.toSeconds() + " s");
        }
    }

    /** Time left before the current thread's deadline (negative once past); empty outside a {@link #start} scope. */
    public static Optional<Duration> remaining() {
        JobDeadline current = CURRENT.get();
        return current == null
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(current.deadlineNanos - System.nanoTime()));
    }

    @Override
    public void close() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }

    /** The job's work ran past its deadline: code {@code timeout}. */
    public static final class JobTimeoutException extends JobFailedException {
        public JobTimeoutException(String message) {
            super("timeout", message);
        }
    }
}
