package dev.shabdam.pipeline.training;

import java.util.List;

/** The quality gate's verdict on one sample: accepted when no reason stands against it. */
public record SampleVerdict(String name, boolean accepted, List<RejectReason> reasons, SampleMetrics metrics) {
    public SampleVerdict {
        reasons = List.copyOf(reasons);
    }
}
