package dev.shabdam.pipeline.jobs;

import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.time.Duration;

/**
 * Keyed by job id. A CANCEL marks its job cancelled and emits the CANCELLED event (on
 * {@link #CANCELLED}); submissions of a cancelled job are dropped, the others pass on. The mark is
 * kept for a day: a submission is not redelivered later than that (offsets are committed with
 * every checkpoint), and forgetting bounds the state.
 */
public class CancellationGate extends KeyedProcessFunction<String, VoiceRequest, VoiceRequest> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<VoiceEvent> CANCELLED =
            new OutputTag<>("cancelled", TypeInformation.of(VoiceEvent.class));
    static final Duration REMEMBER_CANCELLED = Duration.ofDays(1);

    private transient ValueState<Boolean> cancelled;

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<Boolean> descriptor = new ValueStateDescriptor<>("cancelled", Types.BOOLEAN);
        descriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(REMEMBER_CANCELLED).build());
        cancelled = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(VoiceRequest request, Context ctx, Collector<VoiceRequest> out) throws Exception {
        boolean alreadyCancelled = Boolean.TRUE.equals(cancelled.value());
        switch (request.action()) {
            case CANCEL -> {
                if (!alreadyCancelled) {
                    cancelled.update(true);
                    ctx.output(CANCELLED, JobEvents.cancelled(request));
                }
            }
            case SUBMIT -> {
                if (!alreadyCancelled) {
                    out.collect(request);
                }
            }
        }
    }
}
