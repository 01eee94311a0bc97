package dev.shabdam.pipeline.jobs;

import dev.shabdam.pipeline.io.DeadLetter;
import dev.shabdam.pipeline.io.RawRecord;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.UnreadableRecordException;
import dev.shabdam.schemas.VoiceRequest;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns raw {@code voice.requests} records into requests. A record that is not a request goes to
 * {@link #DEAD_LETTERS} with the reason; this function never throws, so one bad record cannot
 * fail the job and make it restart into the same record forever.
 */
public class RequestDecoder extends ProcessFunction<RawRecord, VoiceRequest> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<VoiceRequest> out) {
        try {
            VoiceRequest request = RecordCodec.decodeRequest(raw.value());
            // the job id becomes part of storage keys; refuse it here rather than fail the job later
            if (StorageKeys.isSafeName(request.jobId())) {
                out.collect(request);
            } else {
                ctx.output(DEAD_LETTERS, new DeadLetter(raw, "jobId is not a safe name: " + request.jobId()));
            }
        } catch (UnreadableRecordException e) {
            ctx.output(DEAD_LETTERS, new DeadLetter(raw, e.getMessage()));
        } catch (RuntimeException e) {
            // a decoding bug: park the record (it can be replayed once fixed) rather than stop the job
            ctx.output(DEAD_LETTERS, new DeadLetter(raw, "could not decode: " + e));
        }
    }
}
