package dev.shabdam.pipeline.dubbing;

import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.VoiceEvent;
import org.apache.flink.api.common.functions.FilterFunction;

/** The CANCELLED events of DUB jobs: the only jobs with lines still being spoken after the gate. */
public class CancelledDubs implements FilterFunction<VoiceEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean filter(VoiceEvent event) {
        return event.type() == JobType.DUB;
    }
}
