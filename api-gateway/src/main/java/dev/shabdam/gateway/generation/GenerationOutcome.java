package dev.shabdam.gateway.generation;

import dev.shabdam.gateway.jobs.JobRow;
import dev.shabdam.speech.AudioFormat;
import org.springframework.core.io.Resource;

/** What a generation request comes to within its wait; a failed or cancelled job is an exception instead. */
sealed interface GenerationOutcome permits GenerationOutcome.Spoken, GenerationOutcome.Running {

    /** The audio is ready: {@code body} has its bytes (and its length), from wherever they were nearest. */
    record Spoken(String jobId, AudioFormat format, GeneratedAudio audio, Resource body) implements GenerationOutcome {}

    /** Not done within the wait: the job as submitted, to be followed. */
    record Running(JobRow job) implements GenerationOutcome {}
}
