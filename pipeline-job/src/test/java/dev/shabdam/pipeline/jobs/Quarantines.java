package dev.shabdam.pipeline.jobs;

import dev.shabdam.pipeline.io.AttemptLedger;
import dev.shabdam.pipeline.io.TestJdbc;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Quarantines for operator tests, counting in the job_attempts table of the test PostgreSQL. */
public final class Quarantines {
    private Quarantines() {}

    /** A quarantine under an operator name of its own, so that tests reusing job ids do not see each other's attempts. */
    public static Quarantine fresh() {
        return named("test-" + UUID.randomUUID());
    }

    /** As if the work on {@code recordKey} had crashed its task on both of its tries: the next one is quarantined. */
    public static void crashTwice(Quarantine quarantine, String recordKey) {
        for (int tries = 0; tries < Quarantine.MAX_ATTEMPTS; tries++) {
            assertThatThrownBy(() -> quarantine.attempt(recordKey, () -> {
                        throw new InternalError("injected crash");
                    }))
                    .isInstanceOf(InternalError.class);
        }
    }

    /** The quarantine of {@code operator}: two made with one name count the same attempts, as an operator does across restarts. */
    public static Quarantine named(String operator) {
        return new Quarantine(operator, new AttemptLedger(TestJdbc.connection()), JobLimits.DEFAULT.jobTimeout());
    }
}
