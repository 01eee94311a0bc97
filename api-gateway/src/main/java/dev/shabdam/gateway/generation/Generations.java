package dev.shabdam.gateway.generation;

import dev.shabdam.gateway.jobs.JobCancelledException;
import dev.shabdam.gateway.jobs.JobCompletion;
import dev.shabdam.gateway.jobs.JobOutcome;
import dev.shabdam.gateway.jobs.JobRow;
import dev.shabdam.gateway.jobs.Jobs;
import dev.shabdam.gateway.problems.JobFailedException;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.jobs.GenerateJob;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /voice/generate}: submits a GENERATE job and comes to its audio when the job ends within the
 * wait, else to the running job. The wait is woken by the job's final event (which the pipeline sends on
 * {@code voice.replies} at once); no thread is held meanwhile.
 */
@Service
class Generations {
    private final SpeechRequests requests;
    private final Jobs jobs;
    private final JobCompletion completion;
    private final AudioOutputs outputs;
    private final GenerationMetrics metrics;
    private final CacheScopes scopes;

    Generations(
            SpeechRequests requests,
            Jobs jobs,
            JobCompletion completion,
            AudioOutputs outputs,
            GenerationMetrics metrics,
            CacheScopes scopes) {
        this.requests = requests;
        this.jobs = jobs;
        this.completion = completion;
        this.outputs = outputs;
        this.metrics = metrics;
        this.scopes = scopes;
    }

    CompletableFuture<GenerationOutcome> generate(Tenant tenant, byte[] body, Duration wait) {
        GenerationMetrics.Measurement measurement = metrics.start("generate");
        GenerateJob parameters = measurement.step("rejected", () -> requests.parameters(tenant, body, false));
        String jobId = Jobs.newJobId();
        return measurement
                .step(
                        "unavailable",
                        () -> completion.submitAndAwait(jobId, wait, () -> submit(tenant, jobId, parameters)))
                .thenApply(outcome -> measurement.step("error", () -> outcome(outcome, parameters, measurement)));
    }

    JobRow submit(Tenant tenant, String jobId, GenerateJob parameters) {
        return jobs.submit(
                tenant,
                jobId,
                JobType.GENERATE,
                scopes.jobParameters(tenant.id(), parameters.toParameters()),
                Map.of());
    }

    /** The audio, a refusal (thrown) for a failed or cancelled job, or the job while it is still running. */
    private GenerationOutcome outcome(
            JobOutcome outcome, GenerateJob parameters, GenerationMetrics.Measurement measurement) {
        if (!(outcome instanceof JobOutcome.Ended ended)) {
            measurement.finish("accepted");
            return new GenerationOutcome.Running(outcome.job());
        }
        JobRow job = ended.job();
        return switch (job.status()) {
            case COMPLETED -> {
                GenerationOutcome spoken = spoken(ended, parameters);
                measurement.finish("audio");
                yield spoken;
            }
            case FAILED -> {
                measurement.finish("failed");
                throw new JobFailedException(job.error());
            }
            default -> {
                measurement.finish("cancelled");
                throw new JobCancelledException(job.jobId());
            }
        };
    }

    /** The audio ({@link AudioOutputs}: inline, recent, else streamed from storage as the response is written). */
    private GenerationOutcome spoken(JobOutcome.Ended ended, GenerateJob parameters) {
        JobRow job = ended.job();
        GeneratedAudio audio = GeneratedAudio.of(job);
        Resource body = find(job.tenantId(), ended.finalEvent(), audio.key())
                .orElseThrow(() -> GeneratedAudio.missing(job.jobId()));
        return new GenerationOutcome.Spoken(job.jobId(), parameters.format(), audio, body);
    }

    private Optional<Resource> find(String tenantId, VoiceEvent finalEvent, String key) {
        try {
            return outputs.find(tenantId, finalEvent, GenerateJob.AUDIO, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
