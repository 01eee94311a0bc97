package dev.shabdam.pipeline.jobs;

import dev.shabdam.pipeline.io.MissingObjectException;
import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.media.MediaDecodeException;
import dev.shabdam.schemas.JobError;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job-type operator that works on stored media: it runs the job's stages and turns every
 * {@link Exception} into a FAILED event with a code, because a request that cannot be processed
 * must not fail the Flink job (the restart would replay it and fail again). {@link Error}s are left
 * to Flink on purpose: they mean the process is unwell, and recovery from a checkpoint is the cure.
 */
public abstract class MediaJobOperator extends KeyedProcessFunction<String, VoiceRequest, VoiceEvent> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MediaJobOperator.class);

    private final ObjectStorage storage;

    protected MediaJobOperator(ObjectStorage storage) {
        this.storage = storage;
    }

    /** Emits the job's progress and its COMPLETED event, or throws. */
    protected abstract void run(VoiceRequest request, Context ctx, Collector<VoiceEvent> out, StageClock clock)
            throws Exception;

    /** The seq of the job's last event; a failure takes it, so it outranks every progress event. */
    protected abstract int finalSeq();

    protected ObjectStorage storage() {
        return storage;
    }

    @Override
    public void processElement(VoiceRequest request, Context ctx, Collector<VoiceEvent> out) {
        StageClock clock = StageClock.start();
        try {
            run(request, ctx, out, clock);
        } catch (Exception e) {
            emitFailure(failure(request, clock, e), ctx, out);
        }
    }

    /** Emits the job's FAILED event; a job type that also answers waiting clients directly sends it there too. */
    protected void emitFailure(VoiceEvent failure, Context ctx, Collector<VoiceEvent> out) {
        out.collect(failure);
    }

    /** A job type's own failures with their codes; null for an unexpected failure. */
    protected JobError describe(Exception failure) {
        return null;
    }

    /** The storage key of a named input; a request without it fails with {@code input_missing}. */
    protected static String requireInput(VoiceRequest request, String name) throws InputMissingException {
        String key = request.inputs().get(name);
        if (key == null) {
            throw new InputMissingException("the request names no '" + name + "' input");
        }
        return key;
    }

    private VoiceEvent failure(VoiceRequest request, StageClock clock, Exception e) {
        if (e instanceof MediaDecodeException) {
            return failed(request, clock, "unsupported_media", e.getMessage());
        }
        if (e instanceof MissingObjectException) {
            return failed(request, clock, "input_missing", "the uploaded file is gone: " + e.getMessage());
        }
        if (e instanceof InputMissingException) {
            return failed(request, clock, "input_missing", e.getMessage());
        }
        if (e instanceof InvalidParameterException) {
            return failed(request, clock, "invalid_parameter", e.getMessage());
        }
        JobError known = describe(e);
        if (known != null) {
            return JobEvents.failed(request, finalSeq(), null, clock.lap(), known);
        }
        LOG.warn("{} job {} failed", request.type(), request.jobId(), e);
        return failed(request, clock, "internal_error", e.toString());
    }

    private VoiceEvent failed(VoiceRequest request, StageClock clock, String code, String detail) {
        return JobEvents.failed(request, finalSeq(), null, clock.lap(), new JobError(code, detail));
    }
}
