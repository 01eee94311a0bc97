package dev.shabdam.gateway.analytics;

import dev.shabdam.gateway.analytics.AnalyticsRepository.JobFigures;
import dev.shabdam.gateway.analytics.AnalyticsRepository.Keyed;
import dev.shabdam.gateway.security.Tenant;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A tenant's analytics: the repository's three aggregates put together per group. */
@Service
public class Analytics {
    private static final JobFigures NO_JOBS = new JobFigures(null, 0, 0, 0, 0, null, 0, 0, null);

    private final AnalyticsRepository repository;

    Analytics(AnalyticsRepository repository) {
        this.repository = repository;
    }

    AnalyticsReport report(Tenant tenant, AnalyticsQuery query) {
        List<JobFigures> figures = repository.jobFigures(tenant.id(), query);
        Map<String, List<Keyed<StageTiming>>> stages = byKey(repository.stageTimings(tenant.id(), query));
        Map<String, List<Keyed<Map.Entry<String, Long>>>> suggestions =
                byKey(repository.suggestionCounts(tenant.id(), query));
        List<AnalyticsGroup> groups = new ArrayList<>();
        AnalyticsGroup totals = group(NO_JOBS, List.of(), List.of());
        for (JobFigures row : figures) {
            AnalyticsGroup group = group(
                    row, stages.getOrDefault(row.key(), List.of()), suggestions.getOrDefault(row.key(), List.of()));
            if (row.key() == null) {
                totals = group;
            } else {
                groups.add(group);
            }
        }
        return new AnalyticsReport(query.from(), query.to(), query.groupBy(), groups, totals);
    }

    private static AnalyticsGroup group(
            JobFigures row, List<Keyed<StageTiming>> stages, List<Keyed<Map.Entry<String, Long>>> suggestions) {
        Map<String, Long> counts = new TreeMap<>();
        suggestions.forEach(s -> counts.put(s.value().getKey(), s.value().getValue()));
        return new AnalyticsGroup(
                row.key(),
                row.jobs(),
                row.completed(),
                row.failed(),
                row.cancelled(),
                row.failureRate(),
                row.mediaMinutes(),
                stages.stream().map(Keyed::value).toList(),
                row.analyses(),
                row.medianIntegratedLufs(),
                counts);
    }

    /** Rows by group key, the totals (null key) included; the rows keep their order. */
    private static <T> Map<String, List<Keyed<T>>> byKey(List<Keyed<T>> rows) {
        Map<String, List<Keyed<T>>> byKey = new HashMap<>();
        rows.forEach(
                row -> byKey.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row));
        return byKey;
    }
}
