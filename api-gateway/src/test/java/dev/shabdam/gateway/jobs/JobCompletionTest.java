package dev.shabdam.gateway.jobs;

import dev.shabdam.gateway.GatewayTestSupport;
import dev.shabdam.gateway.Speech;
import dev.shabdam.gateway.events.JobEventBus;
import dev.shabdam.schemas.JobStatus;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.VoiceEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Waiting for a job's end: the real bus fed by the real voice.replies listener, the real table behind it. */
class JobCompletionTest extends GatewayTestSupport {
    @Autowired
    JobCompletion completion;

    private static JobRow queued(String jobId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new JobRow(
                jobId, "tenantA", JobType.GENERATE, JobStatus.QUEUED, null, 0, null, null, Map.of(), now, now, null);
    }

    @Test
    void anEndThatArrivesBeforeTheSubmissionReturnsIsHeardWithoutReadingTheTable() throws Exception {
        String jobId = newJobId(); // no jobs row at all: only the event can end the wait
        VoiceEvent end = Speech.completed(jobId, "cache/tts/" + "9a".repeat(32) + ".wav", false, 0.2);

        CompletableFuture<JobOutcome> awaited = completion.submitAndAwait(jobId, Duration.ofSeconds(10), () -> {
            hearOnTheBus(end); // the pipeline was quicker than the submission's own return
            return queued(jobId);
        });

        JobOutcome outcome = awaited.get(10, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOfSatisfying(JobOutcome.Ended.class, ended -> {
            assertThat(ended.job().status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(ended.job().outputs()).isEqualTo(end.outputs());
            assertThat(ended.finalEvent().seq()).isEqualTo(end.seq());
        });
    }

    @Test
    void aWaitThatRunsOutReadsTheTableOnceForAnEndItDidNotHear() throws Exception {
        String jobId = newJobId();
        insertJob(jobId, "tenantA", JobType.GENERATE, "COMPLETED", Instant.now(), "{}", null, null);

        JobOutcome outcome = completion
                .submitAndAwait(jobId, Duration.ofMillis(300), () -> queued(jobId))
                .get(10, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOfSatisfying(JobOutcome.Ended.class, ended -> {
            assertThat(ended.job().status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(ended.finalEvent()).isNull();
        });
        String unheard = newJobId();
        assertThat(completion
                        .submitAndAwait(unheard, Duration.ofMillis(300), () -> queued(unheard))
                        .get(10, TimeUnit.SECONDS))
                .isInstanceOf(JobOutcome.Running.class);
    }

    /** Sends {@code event} on voice.replies and returns once the bus has handed it on. */
    private void hearOnTheBus(VoiceEvent event) {
        CountDownLatch heard = new CountDownLatch(1);
        try (JobEventBus.Subscription subscription = bus.subscribe(event.jobId(), e -> heard.countDown())) {
            reply(event);
            assertThat(heard.await(10, TimeUnit.SECONDS))
                    .as("the bus heard the reply")
                    .isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
