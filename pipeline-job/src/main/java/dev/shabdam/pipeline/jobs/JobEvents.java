package dev.shabdam.pipeline.jobs;

import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.JobError;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.schemas.jobs.EventSeq;
import dev.shabdam.schemas.jobs.PlannedEvent;

import java.time.Instant;
import java.util.Map;

/**
 * The events operators emit about a request's job. Progress events are the steps of the job type's plan
 * ({@link PlannedEvent}, e.g. {@code AnalyzeEvents}), which number them; progress is for the whole job;
 * a job that ended (completed, failed or cancelled) reports 1.0: nothing remains to be done.
 */
public final class JobEvents {
    private JobEvents() {}

    public static VoiceEvent progress(VoiceRequest request, PlannedEvent step) {
        return event(
                request,
                step.seq(),
                EventKind.PROGRESS,
                step.stage(),
                step.progress(),
                null,
                null,
                null,
                Map.of(),
                null);
    }

    /** A stage finished, with how long it took: the rows analytics turn into stage timings. */
    public static VoiceEvent stageDone(VoiceRequest request, PlannedEvent step, long durationMs) {
        return event(
                request,
                step.seq(),
                EventKind.PROGRESS,
                step.stage(),
                step.progress(),
                durationMs,
                null,
                null,
                Map.of(),
                null);
    }

    /** Progress on one segment of the job (a sentence, a line), with what it produced. */
    public static VoiceEvent segment(
            VoiceRequest request, PlannedEvent step, int segment, Map<String, String> outputs) {
        return new VoiceEvent(
                VoiceEvent.CURRENT_VERSION,
                request.jobId(),
                request.tenantId(),
                request.type(),
                step.seq(),
                EventKind.PROGRESS,
                step.stage(),
                step.progress(),
                segment,
                null,
                null,
                null,
                outputs,
                null,
                Instant.now());
    }

    public static VoiceEvent completed(
            VoiceRequest request,
            int seq,
            String stage,
            long durationMs,
            String resultJson,
            Map<String, String> outputs,
            Double mediaSeconds) {
        return event(
                request, seq, EventKind.COMPLETED, stage, 1.0, durationMs, resultJson, null, outputs, mediaSeconds);
    }

    public static VoiceEvent failed(VoiceRequest request, int seq, String stage, Long durationMs, JobError error) {
        return event(request, seq, EventKind.FAILED, stage, 1.0, durationMs, null, error, Map.of(), null);
    }

    public static VoiceEvent cancelled(VoiceRequest request) {
        return event(request, EventSeq.CANCELLED, EventKind.CANCELLED, null, 1.0, null, null, null, Map.of(), null);
    }

    private static VoiceEvent event(
            VoiceRequest request,
            int seq,
            EventKind kind,
            String stage,
            double progress,
            Long durationMs,
            String result,
            JobError error,
            Map<String, String> outputs,
            Double mediaSeconds) {
        return new VoiceEvent(
                VoiceEvent.CURRENT_VERSION,
                request.jobId(),
                request.tenantId(),
                request.type(),
                seq,
                kind,
                stage,
                progress,
                null,
                durationMs,
                result,
                error,
                outputs,
                mediaSeconds,
                Instant.now());
    }
}
