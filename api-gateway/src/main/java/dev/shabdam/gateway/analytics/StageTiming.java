package dev.shabdam.gateway.analytics;

import io.swagger.v3.oas.annotations.media.Schema;

/** How long one pipeline stage took, over the {@code job_events} rows that closed it. */
record StageTiming(
        String stage,

        @Schema(description = "how many times the stage finished")
        long count,

        @Schema(description = "median duration, milliseconds (continuous percentile)")
        double p50Ms,

        @Schema(description = "95th percentile duration, milliseconds (continuous percentile)")
        double p95Ms) {}
