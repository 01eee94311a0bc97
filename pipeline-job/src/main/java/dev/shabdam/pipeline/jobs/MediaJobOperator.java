package dev.shabdam.pipeline.jobs;

import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.schemas.JobError;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.util.Optional;

/**
 * A job-type operator that works on stored media: it runs the job's stages and turns every
 * {@link Exception} into a FAILED event with a code, because a request that cannot be processed
 * must not fail the Flink job (the restart would replay it and fail again). {@link Error}s are left
 * to Flink on purpose: they mean the process is unwell, and recovery from a checkpoint is the cure;
 * the {@link Quarantine} sees to it that a request whose work crashes its task every time is tried
 * only twice, then answered FAILED.
 */
public abstract class MediaJobOperator extends KeyedProcessFunction<String, VoiceRequest, VoiceEvent> {
    private static final long serialVersionUID = 1L;

    private final ObjectStorage storage;
    private final Quarantine quarantine;

    protected MediaJobOperator(ObjectStorage storage, Quarantine quarantine) {
        this.storage = storage;
        this.quarantine = quarantine;
    }

    /**
     * Emits the job's progress and its COMPLETED event, or throws; {@code ctx} is there for operators
     * that hand work on through side outputs.
     */
    protected abstract void run(VoiceRequest request, Context ctx, Collector<VoiceEvent> out, StageClock clock)
            throws Exception;

    /** The seq of the job's last event; a failure takes it, so it outranks every progress event. */
    protected abstract int finalSeq();

    protected ObjectStorage storage() {
        return storage;
    }

    @Override
    public void processElement(VoiceRequest request, Context ctx, Collector<VoiceEvent> out) throws Exception {
        StageClock clock = StageClock.start();
        Optional<JobError> quarantined = quarantine.attempt(request.jobId(), () -> {
            try {
                run(request, ctx, out, clock);
            } catch (Exception e) {
                JobError error = JobFailures.describe(e, request.type() + " job " + request.jobId());
                emitFailure(JobEvents.failed(request, finalSeq(), null, clock.lap(), error), ctx, out);
            }
        });
        if (quarantined.isPresent()) {
            emitFailure(JobEvents.failed(request, finalSeq(), null, null, quarantined.get()), ctx, out);
        }
    }

    @Override
    public void close() throws Exception {
        quarantine.close();
        super.close();
    }

    /** Emits the job's FAILED event; a job type that also answers waiting clients directly sends it there too. */
    protected void emitFailure(VoiceEvent failure, Context ctx, Collector<VoiceEvent> out) {
        out.collect(failure);
    }

    /** The storage key of a named input; a request without it fails with {@code input_missing}. */
    protected static String requireInput(VoiceRequest request, String name) throws InputMissingException {
        String key = request.inputs().get(name);
        if (key == null) {
            throw new InputMissingException("the request names no '" + name + "' input");
        }
        return key;
    }
}
