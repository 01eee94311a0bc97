package dev.shabdam.gateway.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.gateway.GatewayTestSupport;
import dev.shabdam.gateway.Http;
import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.VoiceEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * GET /voice/analytics over rows written as the pipeline's sink writes them. The rows lie in March 2024,
 * where no other test writes, so every figure is exact. Expected percentiles are worked by hand with
 * PostgreSQL's percentile_cont: position p·(n−1) in the sorted values, linear between neighbours. The ranges and
 * parameters it refuses are {@link AnalyticsControllerTests}'.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsTest extends GatewayTestSupport {
    private static final String RANGE = "from=2024-03-01&to=2024-03-04";
    private static final double EXACT = 1e-9;

    @BeforeAll
    void pipelineWroteTheseRows() {
        // tenantA, 1 March: two ANALYZE (one failed), one COMPARE
        job("a1", "tenantA", JobType.ANALYZE, "COMPLETED", "2024-03-01T08:00:00Z", 90.0, "probe", 100, "analyze", 400);
        analysis("a1", "tenantA", -20.0, "too_quiet", "noisy", "too_quiet");
        job("a2", "tenantA", JobType.ANALYZE, "FAILED", "2024-03-01T09:00:00Z", null, "probe", 300);
        job("a3", "tenantA", JobType.COMPARE, "COMPLETED", "2024-03-01T10:00:00Z", 30.0, "probe", 200, "compare", 1000);
        // tenantA, 2 March: three ANALYZE (one cancelled), one queued COMPARE
        job("a4", "tenantA", JobType.ANALYZE, "COMPLETED", "2024-03-02T00:00:00Z", 60.0, "probe", 500, "analyze", 800);
        analysis("a4", "tenantA", -16.0, "too_quiet");
        job("a5", "tenantA", JobType.ANALYZE, "CANCELLED", "2024-03-02T12:00:00Z", null);
        job("a6", "tenantA", JobType.ANALYZE, "COMPLETED", "2024-03-02T23:59:59Z", 120.0, "probe", 400, "analyze", 600);
        analysis("a6", "tenantA", -23.0);
        job("a7", "tenantA", JobType.COMPARE, "QUEUED", "2024-03-02T13:00:00Z", null);
        // tenantA, 3 March: a failed COMPARE
        job("a8", "tenantA", JobType.COMPARE, "FAILED", "2024-03-03T05:00:00Z", 45.0, "probe", 700);
        // tenantA, just outside the range on both sides
        job("a9", "tenantA", JobType.ANALYZE, "COMPLETED", "2024-02-29T23:59:59Z", 600.0, "probe", 5);
        analysis("a9", "tenantA", -10.0, "outside");
        job("a10", "tenantA", JobType.ANALYZE, "COMPLETED", "2024-03-04T00:00:00Z", 600.0, "probe", 5);
        // tenantB on the same days and types, with figures of its own
        job(
                "b1",
                "tenantB",
                JobType.ANALYZE,
                "COMPLETED",
                "2024-03-01T08:00:00Z",
                600.0,
                "probe",
                9000,
                "analyze",
                9000);
        analysis("b1", "tenantB", -5.0, "clipping");
        job("b2", "tenantB", JobType.COMPARE, "FAILED", "2024-03-02T08:00:00Z", 300.0, "probe", 7000);
    }

    /** Other tests list a tenant's jobs and expect only their own. */
    @AfterAll
    void removeTheseRows() {
        for (String table : List.of("analysis_results", "job_events", "jobs")) {
            jdbc.sql("DELETE FROM " + table + " WHERE job_id LIKE ?")
                    .param(jobId("%"))
                    .update();
        }
    }

    @Test
    void groupsByUtcDay() {
        JsonNode report = analytics(RANGE + "&groupBy=day", KEY_A);

        assertThat(report.get("from").asText()).isEqualTo("2024-03-01T00:00:00Z");
        assertThat(report.get("to").asText()).isEqualTo("2024-03-04T00:00:00Z");
        assertThat(report.get("groupBy").asText()).isEqualTo("day");
        assertThat(keys(report)).containsExactly("2024-03-01", "2024-03-02", "2024-03-03");

        JsonNode first = report.get("groups").get(0);
        assertJobs(first, 3, 2, 1, 0, 1.0 / 3, 2.0);
        assertStages(
                first,
                Map.of(
                        "analyze",
                        new double[] {1, 400, 400},
                        "compare",
                        new double[] {1, 1000, 1000},
                        // 100, 200, 300: p50 at 1 → 200; p95 at 1.9 → 200 + 0.9 · 100
                        "probe",
                        new double[] {3, 200, 290}));
        assertAnalyses(first, 1, -20.0, Map.of("noisy", 1L, "too_quiet", 1L));

        JsonNode second = report.get("groups").get(1);
        assertJobs(second, 4, 2, 0, 1, 0.0, 3.0);
        assertStages(
                second,
                Map.of(
                        "analyze", new double[] {2, 700, 790}, // 600, 800: p95 at 0.95 → 600 + 0.95 · 200
                        "probe", new double[] {2, 450, 495})); // 400, 500
        assertAnalyses(second, 2, -19.5, Map.of("too_quiet", 1L));

        JsonNode third = report.get("groups").get(2);
        assertJobs(third, 1, 0, 1, 0, 1.0, 0.75);
        assertStages(third, Map.of("probe", new double[] {1, 700, 700}));
        assertAnalyses(third, 0, null, Map.of());

        assertTotals(report.get("totals"));
    }

    @Test
    void groupsByJobType() {
        JsonNode report = analytics(RANGE + "&groupBy=type", KEY_A);

        assertThat(report.get("groupBy").asText()).isEqualTo("type");
        assertThat(keys(report)).containsExactly("ANALYZE", "COMPARE");

        JsonNode analyze = report.get("groups").get(0);
        assertJobs(analyze, 5, 3, 1, 1, 0.25, 4.5);
        assertStages(
                analyze,
                Map.of(
                        "analyze", new double[] {3, 600, 780}, // 400, 600, 800: p95 at 1.9 → 600 + 0.9 · 200
                        "probe", new double[] {4, 350, 485})); // 100, 300, 400, 500: p50 at 1.5, p95 at 2.85
        assertAnalyses(analyze, 3, -20.0, Map.of("noisy", 1L, "too_quiet", 2L));

        JsonNode compare = report.get("groups").get(1);
        assertJobs(compare, 3, 1, 1, 0, 0.5, 1.25);
        assertStages(compare, Map.of("compare", new double[] {1, 1000, 1000}, "probe", new double[] {2, 450, 675
        })); // 200, 700: p95 at 0.95 → 200 + 0.95 · 500
        assertAnalyses(compare, 0, null, Map.of());

        assertTotals(report.get("totals"));
    }

    @Test
    void anotherTenantSeesOnlyItsOwnRows() {
        JsonNode report = analytics(RANGE + "&groupBy=type", KEY_B);

        assertThat(keys(report)).containsExactly("ANALYZE", "COMPARE");
        JsonNode analyze = report.get("groups").get(0);
        assertJobs(analyze, 1, 1, 0, 0, 0.0, 10.0);
        assertStages(analyze, Map.of("analyze", new double[] {1, 9000, 9000}, "probe", new double[] {1, 9000, 9000}));
        assertAnalyses(analyze, 1, -5.0, Map.of("clipping", 1L));
        JsonNode compare = report.get("groups").get(1);
        assertJobs(compare, 1, 0, 1, 0, 1.0, 5.0);
        assertStages(compare, Map.of("probe", new double[] {1, 7000, 7000}));

        JsonNode totals = report.get("totals");
        assertJobs(totals, 2, 1, 1, 0, 0.5, 15.0);
        assertAnalyses(totals, 1, -5.0, Map.of("clipping", 1L));
        assertThat(totals.has("key")).isFalse();
        assertThat(analytics(RANGE, KEY_A).toString()).doesNotContain("clipping", "9000", "outside");
    }

    @Test
    void instantsBoundTheRangeExactly() {
        JsonNode report = analytics("from=2024-03-02T00:00:00Z&to=2024-03-02T23:59:59Z", KEY_A);

        // a6 was created at 23:59:59, the exclusive end
        assertThat(keys(report)).containsExactly("2024-03-02");
        assertJobs(report.get("groups").get(0), 3, 1, 0, 1, 0.0, 1.0);
        assertJobs(report.get("totals"), 3, 1, 0, 1, 0.0, 1.0);
    }

    @Test
    void aRangeWithoutJobsHasNoGroupsAndZeroTotals() {
        JsonNode report = analytics("from=2023-01-01&to=2023-02-01&groupBy=type", KEY_A);

        assertThat(report.get("groups")).isEmpty();
        assertJobs(report.get("totals"), 0, 0, 0, 0, null, 0.0);
        assertAnalyses(report.get("totals"), 0, null, Map.of());
        assertThat(report.get("totals").get("stages")).isEmpty();
    }

    @Test
    void theDefaultIsTheLastThirtyDaysByDay() {
        Instant before = Instant.now();
        JsonNode report = analytics("", KEY_A);

        Instant to = Instant.parse(report.get("to").asText());
        assertThat(to).isBetween(before, Instant.now());
        assertThat(Duration.between(Instant.parse(report.get("from").asText()), to))
                .isEqualTo(Duration.ofDays(30));
        assertThat(report.get("groupBy").asText()).isEqualTo("day");
        assertThat(analytics("from=2024-01-01&to=2025-01-01", KEY_A)
                        .get("totals")
                        .get("jobs")
                        .asLong())
                .isEqualTo(10);
    }

    private void assertTotals(JsonNode totals) {
        assertThat(totals.has("key")).isFalse();
        assertJobs(totals, 8, 4, 2, 1, 2.0 / 6, 5.75);
        assertStages(
                totals,
                Map.of(
                        "analyze", new double[] {3, 600, 780},
                        "compare", new double[] {1, 1000, 1000},
                        // 100, 200, 300, 400, 500, 700: p50 at 2.5 → 350; p95 at 4.75 → 500 + 0.75 · 200
                        "probe", new double[] {6, 350, 650}));
        assertAnalyses(totals, 3, -20.0, Map.of("noisy", 1L, "too_quiet", 2L));
    }

    private static void assertJobs(
            JsonNode group,
            long jobs,
            long completed,
            long failed,
            long cancelled,
            Double failureRate,
            double mediaMinutes) {
        assertThat(group.get("jobs").asLong()).isEqualTo(jobs);
        assertThat(group.get("completed").asLong()).isEqualTo(completed);
        assertThat(group.get("failed").asLong()).isEqualTo(failed);
        assertThat(group.get("cancelled").asLong()).isEqualTo(cancelled);
        if (failureRate == null) {
            assertThat(group.get("failureRate").isNull()).isTrue();
        } else {
            assertThat(group.get("failureRate").asDouble()).isCloseTo(failureRate, within(EXACT));
        }
        assertThat(group.get("mediaMinutes").asDouble()).isCloseTo(mediaMinutes, within(EXACT));
    }

    /** stage → {count, p50Ms, p95Ms}; the stages come sorted by name. */
    private static void assertStages(JsonNode group, Map<String, double[]> expected) {
        List<String> names = new ArrayList<>();
        group.get("stages").forEach(stage -> {
            String name = stage.get("stage").asText();
            names.add(name);
            double[] figures = expected.get(name);
            assertThat(figures).as("unexpected stage %s", name).isNotNull();
            assertThat(stage.get("count").asLong()).as(name).isEqualTo((long) figures[0]);
            assertThat(stage.get("p50Ms").asDouble()).as(name).isCloseTo(figures[1], within(EXACT));
            assertThat(stage.get("p95Ms").asDouble()).as(name).isCloseTo(figures[2], within(EXACT));
        });
        assertThat(names).containsExactlyElementsOf(new TreeMap<>(expected).keySet());
    }

    private static void assertAnalyses(
            JsonNode group, long analyses, Double medianLufs, Map<String, Long> suggestions) {
        assertThat(group.get("analyses").asLong()).isEqualTo(analyses);
        if (medianLufs == null) {
            assertThat(group.get("medianIntegratedLufs").isNull()).isTrue();
        } else {
            assertThat(group.get("medianIntegratedLufs").asDouble()).isCloseTo(medianLufs, within(EXACT));
        }
        Map<String, Long> counts = new TreeMap<>();
        group.get("suggestionCounts")
                .properties()
                .forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        assertThat(counts).isEqualTo(suggestions);
    }

    private static List<String> keys(JsonNode report) {
        List<String> keys = new ArrayList<>();
        report.get("groups").forEach(group -> keys.add(group.get("key").asText()));
        return keys;
    }

    private JsonNode analytics(String query, String key) {
        HttpResponse<byte[]> response = get(query, key);
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        return Http.json(response);
    }

    private HttpResponse<byte[]> get(String query, String key) {
        return http.get("/voice/analytics?" + query, key);
    }

    /** A job row and, per (stage, milliseconds) pair, the event that closed that stage, plus a progress event. */
    private void job(
            String name,
            String tenant,
            JobType type,
            String status,
            String createdAt,
            Double mediaSeconds,
            Object... stageMillis) {
        String jobId = jobId(name);
        Instant at = Instant.parse(createdAt);
        insertJob(jobId, tenant, type, status, at, null, null, mediaSeconds);
        int seq = 1;
        insertEvent(event(jobId, tenant, type, seq++, EventKind.PROGRESS, "probe", null, at));
        for (int i = 0; i < stageMillis.length; i += 2) {
            // the last stage's event ends the job, unless it is still queued
            EventKind kind = i + 2 == stageMillis.length && !"QUEUED".equals(status)
                    ? EventKind.valueOf(status)
                    : EventKind.PROGRESS;
            insertEvent(event(
                    jobId,
                    tenant,
                    type,
                    seq++,
                    kind,
                    (String) stageMillis[i],
                    ((Integer) stageMillis[i + 1]).longValue(),
                    at.plusSeconds(seq)));
        }
    }

    private void analysis(String name, String tenant, double integratedLufs, String... suggestionCodes) {
        String jobId = jobId(name);
        jdbc.sql("""
                        INSERT INTO analysis_results (job_id, tenant_id, duration_sec, integrated_lufs, suggestion_codes,
                                                      result, created_at)
                        SELECT job_id, tenant_id, media_seconds, ?, ?, '{}'::jsonb, updated_at FROM jobs WHERE job_id = ?""").params(integratedLufs, suggestionCodes, jobId).update();
    }

    private static VoiceEvent event(
            String jobId,
            String tenant,
            JobType type,
            int seq,
            EventKind kind,
            String stage,
            Long durationMs,
            Instant at) {
        return new VoiceEvent(
                1, jobId, tenant, type, seq, kind, stage, 0.5, null, durationMs, null, null, null, null, at);
    }

    /** Readable, and unique to this class, so rows of other tests never collide. */
    private static String jobId(String name) {
        return "analytics-" + name;
    }
}
