package dev.shabdam.pipeline.jobs;

import dev.shabdam.pipeline.io.AttemptLedger;
import dev.shabdam.pipeline.io.JobStateSinks;
import dev.shabdam.pipeline.io.TestJdbc;
import dev.shabdam.schemas.JobError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The quarantine's rule on the real job_attempts table: each try counted before the work, forgotten after it. */
class QuarantineTest {
    private final String operator = "test-" + UUID.randomUUID();
    private final AttemptLedger ledger = new AttemptLedger(TestJdbc.connection());
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void aRecordThatCrashesEveryTimeRunsTwiceThenIsAnsweredWithoutWork() throws Exception {
        Quarantine quarantine = quarantine(JobLimits.DEFAULT_JOB_TIMEOUT);
        Quarantine.Work crash = () -> {
            runs.incrementAndGet();
            throw new StackOverflowError("deep");
        };

        assertThatThrownBy(() -> quarantine.attempt("job-1", crash)).isInstanceOf(StackOverflowError.class);
        assertThatThrownBy(() -> quarantine.attempt("job-1", crash)).isInstanceOf(StackOverflowError.class);
        Optional<JobError> third = quarantine.attempt("job-1", crash);
        Optional<JobError> replayed = quarantine.attempt("job-1", crash);

        assertThat(runs).hasValue(Quarantine.MAX_ATTEMPTS);
        assertThat(third).hasValueSatisfying(error -> {
            assertThat(error.code()).isEqualTo("internal_error");
            assertThat(error.detail()).contains("StackOverflowError: deep");
        });
        assertThat(replayed).as("never tried again").isEqualTo(third);
        assertThat(quarantine.attempt("job-2", runs::incrementAndGet))
                .as("other records run")
                .isEmpty();
    }

    @Test
    void workThatEndsIsForgottenSoAReplayCountsAfresh() throws Exception {
        Quarantine quarantine = quarantine(JobLimits.DEFAULT_JOB_TIMEOUT);

        for (int replays = 0; replays < 3; replays++) {
            assertThat(quarantine.attempt("job-1", runs::incrementAndGet)).isEmpty();
        }
        assertThatThrownBy(() -> quarantine.attempt("job-1", () -> {
                    throw new InternalError("once");
                }))
                .isInstanceOf(InternalError.class);
        assertThat(quarantine.attempt("job-1", runs::incrementAndGet))
                .as("the retry")
                .isEmpty();

        assertThat(runs).hasValue(4);
    }

    @Test
    void theWorkRunsUnderTheJobDeadline() throws Exception {
        Quarantine quarantine = quarantine(Duration.ofNanos(1));

        for (int tries = 0; tries < Quarantine.MAX_ATTEMPTS; tries++) {
            assertThatThrownBy(() -> quarantine.attempt("job-1", JobDeadline::check))
                    .isInstanceOf(JobDeadline.JobTimeoutException.class);
        }

        assertThat(quarantine.attempt("job-1", JobDeadline::check))
                .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo("timeout"));
    }

    @Test
    void aWorkerLostUnderTheWorkIsAnInternalErrorOrATimeoutWhenItRanPastTheLimit() throws Exception {
        // a TaskManager that dies leaves no failure behind: only the attempts it began
        for (int tries = 0; tries < Quarantine.MAX_ATTEMPTS; tries++) {
            ledger.begin(operator, "job-lost", Quarantine.MAX_ATTEMPTS);
            ledger.begin(operator, "job-stuck", Quarantine.MAX_ATTEMPTS);
        }

        assertThat(quarantine(JobLimits.DEFAULT_JOB_TIMEOUT).attempt("job-lost", runs::incrementAndGet))
                .hasValueSatisfying(error -> {
                    assertThat(error.code()).isEqualTo("internal_error");
                    assertThat(error.detail()).contains("worker was lost");
                });
        assertThat(quarantine(Duration.ofNanos(1)).attempt("job-stuck", runs::incrementAndGet))
                .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo("timeout"));
        assertThat(runs).hasValue(0);
    }

    @Test
    void workStoppedByItsTaskBeingCancelledIsNotCountedAgainstIt() throws Exception {
        Quarantine quarantine = quarantine(JobLimits.DEFAULT_JOB_TIMEOUT);

        // another record crashed the task: Flink cancels this one's work by interrupting it, over and over
        for (int cancels = 0; cancels < 3; cancels++) {
            assertThatThrownBy(() -> quarantine.attempt("job-1", () -> {
                        runs.incrementAndGet();
                        throw new java.io.UncheckedIOException(new java.nio.channels.ClosedByInterruptException());
                    }))
                    .isInstanceOf(java.io.UncheckedIOException.class);
        }

        assertThat(quarantine.attempt("job-1", runs::incrementAndGet))
                .as("still tried, not quarantined")
                .isEmpty();
        assertThat(runs).hasValue(4);
    }

    @Test
    void aTryLostAfterACrashIsNotBlamedOnTheCrashBeforeIt() throws Exception {
        Quarantine quarantine = quarantine(JobLimits.DEFAULT_JOB_TIMEOUT);
        assertThatThrownBy(() -> quarantine.attempt("job-1", () -> {
                    throw new OutOfMemoryError("first try");
                }))
                .isInstanceOf(OutOfMemoryError.class);
        ledger.begin(operator, "job-1", Quarantine.MAX_ATTEMPTS); // the retry begins, and its TaskManager dies

        assertThat(quarantine.attempt("job-1", runs::incrementAndGet)).hasValueSatisfying(error -> {
            assertThat(error.code())
                    .as("how the last try died: lost, not out of memory")
                    .isEqualTo("internal_error");
            assertThat(error.detail()).contains("worker was lost");
        });
        assertThat(runs).hasValue(0);
    }

    @Test
    void withoutTheTableTheWorkRunsUncounted() throws Exception {
        Quarantine unreachable = new Quarantine(
                operator,
                new AttemptLedger(JobStateSinks.connection("jdbc:postgresql://127.0.0.1:1/shabdam", "nobody", null)),
                JobLimits.DEFAULT_JOB_TIMEOUT);

        for (int tries = 0; tries < 3; tries++) {
            assertThatThrownBy(() -> unreachable.attempt("job-1", () -> {
                        runs.incrementAndGet();
                        throw new InternalError("crash");
                    }))
                    .isInstanceOf(InternalError.class);
        }

        assertThat(runs).as("a database outage must not stop the work").hasValue(3);
    }

    private Quarantine quarantine(Duration jobTimeout) {
        return new Quarantine(operator, ledger, jobTimeout);
    }
}
