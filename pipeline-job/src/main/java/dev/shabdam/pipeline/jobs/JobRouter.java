package dev.shabdam.pipeline.jobs;

import dev.shabdam.schemas.JobError;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.schemas.jobs.EventSeq;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Sends each submission of the media class ({@link LatencyClass#MEDIA}) to the operator of its job type
 * (one side output per type). The main output carries the router's own events: types without an
 * operator yet fail at once with {@code not_implemented} (their only event, so it takes
 * {@link EventSeq#FIRST}), instead of staying QUEUED forever. GENERATE
 * never comes here: the interactive class serves it, on a graph of its own.
 */
public class JobRouter extends ProcessFunction<VoiceRequest, VoiceEvent> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<VoiceRequest> ANALYZE =
            new OutputTag<>("analyze", TypeInformation.of(VoiceRequest.class));
    public static final OutputTag<VoiceRequest> COMPARE =
            new OutputTag<>("compare", TypeInformation.of(VoiceRequest.class));
    public static final OutputTag<VoiceRequest> DUB = new OutputTag<>("dub", TypeInformation.of(VoiceRequest.class));
    public static final OutputTag<VoiceRequest> DETECT_WATERMARK =
            new OutputTag<>("detect-watermark", TypeInformation.of(VoiceRequest.class));
    static final String STAGE = "route";

    @Override
    public void processElement(VoiceRequest request, Context ctx, Collector<VoiceEvent> out) {
        switch (request.type()) {
            case ANALYZE -> ctx.output(ANALYZE, request);
            case COMPARE -> ctx.output(COMPARE, request);
            case DUB -> ctx.output(DUB, request);
            case DETECT_WATERMARK -> ctx.output(DETECT_WATERMARK, request);
            case TRAIN ->
                out.collect(JobEvents.failed(
                        request,
                        EventSeq.FIRST,
                        STAGE,
                        null,
                        new JobError("not_implemented", request.type() + " jobs are not implemented yet")));
        }
    }
}
