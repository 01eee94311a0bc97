package dev.shabdam.gateway.generation;

import dev.shabdam.gateway.events.JobEventBus;
import dev.shabdam.gateway.jobs.JobCancelledException;
import dev.shabdam.gateway.jobs.JobLinks;
import dev.shabdam.gateway.jobs.JobRow;
import dev.shabdam.gateway.jobs.Jobs;
import dev.shabdam.gateway.problems.GatewayException;
import dev.shabdam.gateway.problems.JobFailedException;
import dev.shabdam.gateway.problems.StillRunningException;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.jobs.GenerateJob;
import dev.shabdam.speech.AudioFormat;
import dev.shabdam.speech.SynthesisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /voice/generate/stream}: submits a GENERATE job with {@code stream=true}, which becomes one WAV
 * stream of its sentences as they are ready. The outcome is decided when the first sentence (or the job's end)
 * arrives, so a job that fails before any audio is refused with its problem; once audio has been sent, a failure
 * just ends the stream. Everything ends within {@link #LIMIT} of the request.
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

    /** The stream once its first sentence (or the job's whole audio) is there; a job that fails before is a refusal. */
    CompletableFuture<SpeechStream> stream(Tenant tenant, byte[] body) {
        GenerationMetrics.Measurement measurement = metrics.start("stream");
        Instant deadline = Instant.now().plus(LIMIT);
        GenerateJob parameters = measurement.step("rejected", () -> wavOnly(requests.parameters(tenant, body, true)));
        String jobId = Jobs.newJobId();
        SentenceStream sentences = new SentenceStream();
        JobEventBus.Listening<JobRow> listening = measurement.step(
                "unavailable",
                () -> bus.subscribeBefore(
                        jobId, sentences::accept, () -> generations.submit(tenant, jobId, parameters)));
        SpeechStream stream = new SpeechStream(jobId, sentences, outputs, deadline, listening.subscription());
        return stream.firstAnswer().thenApply(first -> started(stream, first, measurement));
    }

    /** The stream, when {@code first} is audio; else the refusal that answers instead (thrown). */
    private static SpeechStream started(
            SpeechStream stream, VoiceEvent first, GenerationMetrics.Measurement measurement) {
        if (first == null || first.kind() == EventKind.FAILED || first.kind() == EventKind.CANCELLED) {
            stream.close();
            throw refusal(stream.jobId(), first, measurement);
        }
        measurement.finish("audio");
        return stream;
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

    private static GatewayException refusal(String jobId, VoiceEvent first, GenerationMetrics.Measurement measurement) {
        if (first == null) {
            measurement.finish("timeout");
            log.info("Generation {} sent no audio within {}", jobId, LIMIT);
            return new StillRunningException(
                    "generation_timeout",
                    "No audio within " + LIMIT.toSeconds() + " s; the job goes on at " + JobLinks.self(jobId) + ".",
                    JobLinks.self(jobId));
        }
        if (first.kind() == EventKind.FAILED) {
            measurement.finish("failed");
            return new JobFailedException(first.error());
        }
        measurement.finish("cancelled");
        return new JobCancelledException(jobId);
    }
}
