package dev.shabdam.gateway.generation;

import dev.shabdam.gateway.events.JobEventBus;
import dev.shabdam.gateway.jobs.JobLinks;
import dev.shabdam.gateway.jobs.JobRow;
import dev.shabdam.gateway.jobs.Jobs;
import dev.shabdam.gateway.problems.ApiProblem;
import dev.shabdam.gateway.problems.SynthesisProblems;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.jobs.GenerateJob;
import dev.shabdam.speech.AudioFormat;
import dev.shabdam.speech.SynthesisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.Flushable;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /voice/generate/stream}: submits a GENERATE job with {@code stream=true} and answers a
 * chunked WAV as its sentences are ready. The status is chosen when the first sentence (or the job's
 * end) arrives, so a job that fails before any audio answers with its problem; once audio has been
 * sent, a failure just ends the stream. Everything ends within {@link #LIMIT} of the request.
 */
@Service
class SpeechStreams {
    static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(SpeechStreams.class);

    private final SpeechRequests requests;
    private final Generations generations;
    private final JobEventBus bus;
    private final AudioOutputs outputs;
    private final GenerationMetrics metrics;

    SpeechStreams(
            SpeechRequests requests,
            Generations generations,
            JobEventBus bus,
            AudioOutputs outputs,
            GenerationMetrics metrics) {
        this.requests = requests;
        this.generations = generations;
        this.bus = bus;
        this.outputs = outputs;
        this.metrics = metrics;
    }

    /** @param flush sends what the response body wrote so far to the client */
    DeferredResult<ResponseEntity<StreamingResponseBody>> stream(Tenant tenant, byte[] body, Flushable flush) {
        GenerationMetrics.Measurement measurement = metrics.start("stream");
        Instant deadline = Instant.now().plus(LIMIT);
        GenerateJob parameters = measurement.step("rejected", () -> wavOnly(requests.parameters(tenant, body, true)));
        String jobId = Jobs.newJobId();
        SentenceStream sentences = new SentenceStream();
        JobEventBus.Listening<JobRow> listening = measurement.step(
                "unavailable",
                () -> bus.subscribeBefore(
                        jobId, sentences::accept, () -> generations.submit(tenant, jobId, parameters)));
        JobRow job = listening.submitted();
        JobEventBus.Subscription subscription = listening.subscription();
        DeferredResult<ResponseEntity<StreamingResponseBody>> answer =
                new DeferredResult<>(LIMIT.plusSeconds(5).toMillis());
        answer.onTimeout(subscription::close);
        answer.onError(error -> subscription.close());
        sentences
                .firstAnswer()
                .completeOnTimeout(null, LIMIT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((first, error) -> {
                    if (first == null || first.kind() == EventKind.FAILED || first.kind() == EventKind.CANCELLED) {
                        subscription.close();
                        answer.setErrorResult(problem(job, first, measurement));
                        return;
                    }
                    measurement.finish("audio");
                    answer.setResult(ResponseEntity.ok()
                            .contentType(MediaType.parseMediaType(AudioFormat.WAV.mediaType()))
                            .header(Generations.JOB_ID_HEADER, jobId)
                            .body(out -> {
                                try {
                                    sentences.writeTo(out, flush, outputs, deadline);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                } finally {
                                    subscription.close();
                                }
                            }));
                });
        return answer;
    }

    /** The stream is WAV; another format is refused rather than answered in a format not asked for. */
    private static GenerateJob wavOnly(GenerateJob parameters) {
        if (parameters.format() != AudioFormat.WAV) {
            throw new SynthesisException(
                    SynthesisException.Code.INVALID_PARAMETER,
                    "the stream answers wav only; got " + parameters.format().extension());
        }
        return parameters;
    }

    private static ApiProblem problem(JobRow job, VoiceEvent first, GenerationMetrics.Measurement measurement) {
        if (first == null) {
            measurement.finish("timeout");
            log.info("Generation {} sent no audio within {}", job.jobId(), LIMIT);
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.LOCATION, JobLinks.self(job.jobId()));
            return new ApiProblem(
                    HttpStatus.GATEWAY_TIMEOUT,
                    "generation_timeout",
                    "No audio within " + LIMIT.toSeconds() + " s; the job goes on at " + JobLinks.self(job.jobId())
                            + ".",
                    headers,
                    null);
        }
        if (first.kind() == EventKind.FAILED) {
            measurement.finish("failed");
            return SynthesisProblems.failed(first.error());
        }
        measurement.finish("cancelled");
        return Generations.cancelled(job.jobId());
    }
}
