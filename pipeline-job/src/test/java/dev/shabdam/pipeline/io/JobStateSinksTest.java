package dev.shabdam.pipeline.io;

import dev.shabdam.pipeline.jobs.JobEvents;
import dev.shabdam.schemas.JobError;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.schemas.jobs.AnalyzeEvents;
import dev.shabdam.testsupport.Requests;
import dev.shabdam.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static dev.shabdam.pipeline.io.TestJdbc.execute;
import static dev.shabdam.testsupport.TestPostgres.query;
import static org.assertj.core.api.Assertions.assertThat;

/** The sinks' statements against the real schema (Flyway's migrations) on a real PostgreSQL. */
class JobStateSinksTest {
    private final VoiceRequest request = Requests.analyze(jobId(), "uploads/tenant-a/x/file");
    private final VoiceEvent started = JobEvents.progress(request, AnalyzeEvents.PROBE_STARTED);
    private final VoiceEvent completed = JobEvents.completed(
            request, 2, "probe", 12, "{\"durationSec\":1.5}", Map.of("report", "jobs/x/outputs/report.json"), 1.5);

    @Test
    void followsJobToCompletion() throws Exception {
        apply(started, completed);

        assertThat(job("status")).isEqualTo("COMPLETED");
        assertThat(job("progress")).isEqualTo("1");
        assertThat(job("result")).isEqualTo("{\"durationSec\": 1.5}");
        assertThat(job("outputs")).isEqualTo("{\"report\": \"jobs/x/outputs/report.json\"}");
        assertThat(job("media_seconds")).isEqualTo("1.5");
        assertThat(job("last_event_seq")).isEqualTo("2");
    }

    @Test
    void replayedAndLateEventsNeverMoveJobBackwards() throws Exception {
        apply(started, completed, started, completed, JobEvents.cancelled(request));

        assertThat(job("status")).isEqualTo("COMPLETED");
        assertThat(job("last_event_seq")).isEqualTo("2");
        assertThat(job("result")).isEqualTo("{\"durationSec\": 1.5}");
        assertThat(eventCount()).isEqualTo(3);
    }

    @Test
    void eventsOutOfOrderEndInTheLatestState() throws Exception {
        apply(completed, started);

        assertThat(job("status")).isEqualTo("COMPLETED");
        assertThat(eventCount()).isEqualTo(2);
    }

    @Test
    void updatesRowTheGatewayCreatedAndRespectsItsCancellation() throws Exception {
        try (Connection c = TestPostgres.dataSource().getConnection()) {
            c.createStatement()
                    .execute("INSERT INTO jobs (job_id, tenant_id, type, status, inputs, created_at, updated_at)"
                            + " VALUES ('" + request.jobId()
                            + "', 'tenant-a', 'ANALYZE', 'QUEUED', '{\"file\":\"k\"}', now(), now())");
        }
        apply(started);
        assertThat(job("status")).isEqualTo("RUNNING");
        assertThat(job("inputs")).isEqualTo("{\"file\": \"k\"}");

        try (Connection c = TestPostgres.dataSource().getConnection()) {
            c.createStatement()
                    .execute("UPDATE jobs SET status = 'CANCELLED' WHERE job_id = '" + request.jobId() + "'");
        }
        apply(completed);
        assertThat(job("status")).isEqualTo("CANCELLED");
    }

    @Test
    void storesFailureReason() throws Exception {
        VoiceRequest dub = Requests.submit(request.jobId(), JobType.DUB);
        apply(JobEvents.failed(
                dub, 1, "route", null, new JobError("not_implemented", "DUB jobs are not implemented yet")));

        assertThat(job("status")).isEqualTo("FAILED");
        assertThat(job("error_code")).isEqualTo("not_implemented");
        assertThat(job("result")).isNull();
        assertThat(job("outputs")).isEqualTo("{}");
    }

    @Test
    void completedAnalysisBecomesARowDashboardsCanAggregate() throws Exception {
        VoiceEvent analysis = JobEvents.completed(request, 3, "analyze", 40, """
                {"durationSec":2.0,"sampleRateHz":16000,"channels":1,
                 "loudness":{"integratedLufs":-19.5,"loudnessRangeLu":3.1,"truePeakDbtp":-1.2},
                 "snrDb":31.0,"clippingRatio":0.0,"silenceRatio":0.2,
                 "pitch":{"meanHz":120.0,"medianHz":118.0,"minHz":90.0,"maxHz":160.0,"stdevSemitones":2.5},
                 "speakingRate":{"syllablesPerSec":null},"voiceQuality":{"jitterPercent":0.8,"shimmerPercent":3.0,"hnrDb":18.0},
                 "suggestions":[{"code":"too_quiet","severity":"warning","message":"m"},{"code":"too_short_for_cloning","severity":"info","message":"m"}]}
                """, Map.of(), 2.0);

        assertThat(new AnalysisResultsSink.CompletedAnalyses().filter(analysis)).isTrue();
        assertThat(new AnalysisResultsSink.CompletedAnalyses().filter(started)).isFalse();
        try (Connection c = TestPostgres.dataSource().getConnection()) {
            execute(c, AnalysisResultsSink.UPSERT, AnalysisResultsSink::bind, analysis);
            execute(c, AnalysisResultsSink.UPSERT, AnalysisResultsSink::bind, analysis);
        }

        String where = " FROM analysis_results WHERE job_id = '" + request.jobId() + "'";
        assertThat(query("SELECT count(*)::text" + where))
                .as("a replay overwrites")
                .isEqualTo("1");
        assertThat(query("SELECT integrated_lufs::text" + where)).isEqualTo("-19.5");
        assertThat(query("SELECT pitch_median_hz::text" + where)).isEqualTo("118");
        assertThat(query("SELECT coalesce(syllables_per_sec::text, 'null')" + where))
                .isEqualTo("null");
        assertThat(query("SELECT suggestion_codes::text" + where)).isEqualTo("{too_quiet,too_short_for_cloning}");
    }

    private void apply(VoiceEvent... events) throws SQLException {
        try (Connection c = TestPostgres.dataSource().getConnection()) {
            for (VoiceEvent event : events) {
                execute(c, JobStateSinks.UPSERT_JOB, JobStateSinks::bindJob, event);
                execute(c, JobStateSinks.UPSERT_JOB_EVENT, JobStateSinks::bindJobEvent, event);
            }
        }
    }

    private String job(String column) throws SQLException {
        return query("SELECT " + column + "::text FROM jobs WHERE job_id = '" + request.jobId() + "'");
    }

    private int eventCount() throws SQLException {
        return Integer.parseInt(
                query("SELECT count(*)::text FROM job_events WHERE job_id = '" + request.jobId() + "'"));
    }

    private static String jobId() {
        return "job-" + UUID.randomUUID();
    }
}
