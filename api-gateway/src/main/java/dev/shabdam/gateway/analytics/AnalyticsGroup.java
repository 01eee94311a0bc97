package dev.shabdam.gateway.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** The figures of one group of jobs (a day or a type), or of all of them (the totals, which have no key). */
record AnalyticsGroup(
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "the UTC day (2025-01-31) or the job type; absent in totals")
        String key,

        long jobs,
        long completed,
        long failed,
        long cancelled,

        @Schema(
                description = "failed / (completed + failed): the share of jobs that ended and failed; "
                        + "null while none has ended")
        Double failureRate,

        @Schema(description = "input media of the group's jobs, in minutes (jobs whose media length is known)")
        double mediaMinutes,

        List<StageTiming> stages,

        @Schema(description = "finished analyses (ANALYZE jobs with a stored result)")
        long analyses,

        @Schema(description = "median integrated loudness of those analyses, LUFS; null when none measured one")
        Double medianIntegratedLufs,

        @Schema(description = "suggestion code → how many analyses made it")
        Map<String, Long> suggestionCounts) {}
