package dev.shabdam.gateway.generation;

import dev.shabdam.gateway.events.EndedJob;
import dev.shabdam.gateway.events.JobCompletion;
import dev.shabdam.gateway.jobs.JobRow;
import dev.shabdam.gateway.jobs.Jobs;
import dev.shabdam.gateway.jobs.SubmittedJob;
import dev.shabdam.gateway.problems.ApiProblem;
import dev.shabdam.gateway.problems.SynthesisProblems;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.jobs.GenerateJob;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.async.DeferredResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /voice/generate}: submits a GENERATE job and answers with its audio when the job ends
 * within the wait, else 202 with the job. The wait is woken by the job's final event (which the
 * pipeline sends on {@code voice.replies} at once); the request thread is released meanwhile.
 */
@Service
class Generations {
    static final String JOB_ID_HEADER = "X-Job-Id";
    static final String CACHE_HEADER = "X-Cache";
    static final String DURATION_HEADER = "X-Audio-Duration";

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

    DeferredResult<ResponseEntity<Object>> generate(Tenant tenant, byte[] body, Duration wait) {
        GenerationMetrics.Measurement measurement = metrics.start("generate");
        GenerateJob parameters = measurement.step("rejected", () -> requests.parameters(tenant, body, false));
        String jobId = Jobs.newJobId();
        return measurement.step(
                "unavailable",
                () -> completion.submitAndAnswer(
                        jobId,
                        wait,
                        () -> submit(tenant, jobId, parameters),
                        (job, ended) -> measurement.step("error", () -> answer(job, ended, parameters, measurement))));
    }

    JobRow submit(Tenant tenant, String jobId, GenerateJob parameters) {
        return jobs.submit(
                tenant,
                jobId,
                JobType.GENERATE,
                scopes.jobParameters(tenant.id(), parameters.toParameters()),
                Map.of());
    }

    /** The audio, a problem (thrown) for a failed or cancelled job, or 202 while it is still running. */
    private ResponseEntity<Object> answer(
            JobRow submitted,
            Optional<EndedJob> ended,
            GenerateJob parameters,
            GenerationMetrics.Measurement measurement) {
        if (ended.isEmpty()) {
            measurement.finish("accepted");
            return SubmittedJob.accepted(submitted);
        }
        JobRow job = ended.get().row();
        return switch (job.status()) {
            case COMPLETED -> {
                ResponseEntity<Object> audio = audio(ended.get(), parameters);
                measurement.finish("audio");
                yield audio;
            }
            case FAILED -> {
                measurement.finish("failed");
                throw SynthesisProblems.failed(job.error());
            }
            default -> {
                measurement.finish("cancelled");
                throw cancelled(job.jobId());
            }
        };
    }

    /** 200 with the audio ({@link AudioOutputs}: inline, recent, else streamed from storage as the response is written). */
    private ResponseEntity<Object> audio(EndedJob ended, GenerateJob parameters) {
        JobRow job = ended.row();
        GeneratedAudio audio = GeneratedAudio.of(job);
        // the resource converter sets Content-Length from it
        Resource body = find(job.tenantId(), ended.finalEvent(), audio.key())
                .orElseThrow(() -> GeneratedAudio.missing(job.jobId()));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(parameters.format().mediaType()))
                .header(JOB_ID_HEADER, job.jobId())
                .header(CACHE_HEADER, audio.cacheHeader());
        if (audio.durationSec() != null) {
            response.header(DURATION_HEADER, audio.durationSec());
        }
        return response.body(body);
    }

    private Optional<Resource> find(String tenantId, VoiceEvent finalEvent, String key) {
        try {
            return outputs.find(tenantId, finalEvent, GenerateJob.AUDIO, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApiProblem cancelled(String jobId) {
        return new ApiProblem(HttpStatus.CONFLICT, "job_cancelled", "Job " + jobId + " was cancelled.");
    }
}
