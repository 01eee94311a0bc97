package dev.shabdam.gateway.analytics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Read-only analytics over the tables the pipeline's sink writes ({@code jobs}, {@code job_events},
 * {@code analysis_results}). Each query aggregates one grain (a job, a stage-closing event, a suggestion
 * of an analysis), so no join multiplies the rows another aggregate counts. Each groups by
 * {@code GROUPING SETS ((group), ())}: the totals come from the same scan, and their percentiles are
 * computed over all rows of the range (percentiles of groups cannot be combined afterwards).
 * A row whose key is null is the totals row: the key of a group is never null ({@code type} and
 * {@code created_at} are NOT NULL).
 */
@Repository
class AnalyticsRepository {
    /**
     * The tenant's jobs created in {@code [from, to)}, each with the key of its group. The range and the
     * key come from the job's {@code created_at}, so a job's events and its analysis count in the job's
     * group (a job running over midnight stays in one day); days are UTC days. The key is chosen with a
     * bound parameter, not by pasting SQL. Every other table is joined on (job_id, tenant_id), so rows of
     * another tenant never match.
     */
    private static final String SCOPED_JOBS = """
            WITH scoped AS (
                SELECT j.job_id, j.tenant_id, j.status, j.media_seconds,
                       CASE WHEN :groupBy = 'type' THEN j.type
                            ELSE to_char(j.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') END AS group_key
                FROM jobs j
                WHERE j.tenant_id = :tenant AND j.created_at >= :from AND j.created_at < :to)
            """;

    /**
     * One row per job: analysis_results has at most one row per job (job_id is its key), so the left join
     * keeps one row per job and counts and sums stay exact. The failure rate is computed over the jobs
     * that ended in success or failure (queued, running or cancelled jobs have not failed). A silent
     * recording has no integrated loudness; -Infinity is left out of the median like null is.
     */
    private static final String JOB_FIGURES = SCOPED_JOBS + """
            SELECT CASE WHEN GROUPING(s.group_key) = 0 THEN s.group_key END AS group_key,
                   count(*) AS jobs,
                   count(*) FILTER (WHERE s.status = 'COMPLETED') AS completed,
                   count(*) FILTER (WHERE s.status = 'FAILED') AS failed,
                   count(*) FILTER (WHERE s.status = 'CANCELLED') AS cancelled,
                   count(*) FILTER (WHERE s.status = 'FAILED')::float8
                       / NULLIF(count(*) FILTER (WHERE s.status IN ('COMPLETED', 'FAILED')), 0) AS failure_rate,
                   coalesce(sum(s.media_seconds), 0) / 60.0 AS media_minutes,
                   count(a.job_id) AS analyses,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY a.integrated_lufs)
                       FILTER (WHERE a.integrated_lufs > '-Infinity'::float8) AS median_integrated_lufs
            FROM scoped s
            LEFT JOIN analysis_results a ON a.job_id = s.job_id AND a.tenant_id = s.tenant_id
            GROUP BY GROUPING SETS ((s.group_key), ())
            ORDER BY s.group_key
            """;

    /**
     * One row per job_events row that closes a stage (those carry duration_ms). (job_id, seq) is the
     * events' key and a replay overwrites it, so a retried stage is not counted twice.
     */
    private static final String STAGE_TIMINGS = SCOPED_JOBS + """
            SELECT CASE WHEN GROUPING(s.group_key) = 0 THEN s.group_key END AS group_key,
                   e.stage,
                   count(*) AS count,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY e.duration_ms) AS p50_ms,
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY e.duration_ms) AS p95_ms
            FROM scoped s
            JOIN job_events e ON e.job_id = s.job_id AND e.tenant_id = s.tenant_id
            WHERE e.duration_ms IS NOT NULL
            GROUP BY GROUPING SETS ((s.group_key, e.stage), (e.stage))
            ORDER BY s.group_key, e.stage
            """;

    /**
     * One row per (analysis, suggestion code), unnested from the suggestion_codes array. An analysis
     * counts once per code even if it made the suggestion twice, hence the distinct job ids.
     */
    private static final String SUGGESTION_COUNTS = SCOPED_JOBS + """
            SELECT CASE WHEN GROUPING(s.group_key) = 0 THEN s.group_key END AS group_key,
                   code,
                   count(DISTINCT s.job_id) AS count
            FROM scoped s
            JOIN analysis_results a ON a.job_id = s.job_id AND a.tenant_id = s.tenant_id
            CROSS JOIN LATERAL unnest(a.suggestion_codes) AS code
            GROUP BY GROUPING SETS ((s.group_key, code), (code))
            ORDER BY s.group_key, code
            """;

    private final JdbcClient jdbc;

    AnalyticsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per group and (key null) for the whole range. */
    List<JobFigures> jobFigures(String tenantId, AnalyticsQuery query) {
        return jdbc.sql(JOB_FIGURES)
                .params(params(tenantId, query))
                .query((rs, n) -> new JobFigures(
                        rs.getString("group_key"),
                        rs.getLong("jobs"),
                        rs.getLong("completed"),
                        rs.getLong("failed"),
                        rs.getLong("cancelled"),
                        nullableDouble(rs, "failure_rate"),
                        rs.getDouble("media_minutes"),
                        rs.getLong("analyses"),
                        nullableDouble(rs, "median_integrated_lufs")))
                .list();
    }

    /** Per group and stage and (key null) per stage over the whole range. */
    List<Keyed<StageTiming>> stageTimings(String tenantId, AnalyticsQuery query) {
        return jdbc.sql(STAGE_TIMINGS)
                .params(params(tenantId, query))
                .query((rs, n) -> new Keyed<>(
                        rs.getString("group_key"),
                        new StageTiming(
                                rs.getString("stage"),
                                rs.getLong("count"),
                                rs.getDouble("p50_ms"),
                                rs.getDouble("p95_ms"))))
                .list();
    }

    /** Per group and code and (key null) per code over the whole range. */
    List<Keyed<Map.Entry<String, Long>>> suggestionCounts(String tenantId, AnalyticsQuery query) {
        return jdbc.sql(SUGGESTION_COUNTS)
                .params(params(tenantId, query))
                .query((rs, n) ->
                        new Keyed<>(rs.getString("group_key"), Map.entry(rs.getString("code"), rs.getLong("count"))))
                .list();
    }

    private static Map<String, Object> params(String tenantId, AnalyticsQuery query) {
        return Map.of(
                "tenant", tenantId,
                "groupBy", query.groupBy().parameter(),
                "from", query.from().atOffset(ZoneOffset.UTC),
                "to", query.to().atOffset(ZoneOffset.UTC));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    /** The job-grain figures of one group; {@code key} is null for the totals. */
    record JobFigures(
            String key,
            long jobs,
            long completed,
            long failed,
            long cancelled,
            Double failureRate,
            double mediaMinutes,
            long analyses,
            Double medianIntegratedLufs) {}

    /** A value of one group; {@code key} is null for the totals. */
    record Keyed<T>(String key, T value) {}
}
