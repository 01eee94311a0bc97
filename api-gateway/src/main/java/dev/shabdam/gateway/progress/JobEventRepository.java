package dev.shabdam.gateway.progress;

import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.JobError;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.VoiceEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The {@code job_events} table, written by the pipeline's sink: the events of a job so far. */
@Repository
class JobEventRepository {
    private final JdbcClient jdbc;

    JobEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored events of a job in order, as the records they were stored from (without results). */
    List<VoiceEvent> findByJob(String jobId, JobType type) {
        return jdbc.sql("""
                        SELECT seq, tenant_id, kind, stage, progress, segment, duration_ms, error_code, created_at
                        FROM job_events WHERE job_id = :jobId ORDER BY seq""")
                .param("jobId", jobId)
                .query((rs, rowNum) -> {
                    String errorCode = rs.getString("error_code");
                    return new VoiceEvent(
                            VoiceEvent.CURRENT_VERSION,
                            jobId,
                            rs.getString("tenant_id"),
                            type,
                            rs.getInt("seq"),
                            EventKind.valueOf(rs.getString("kind")),
                            rs.getString("stage"),
                            rs.getDouble("progress"),
                            rs.getObject("segment", Integer.class),
                            rs.getObject("duration_ms", Long.class),
                            null,
                            errorCode == null ? null : new JobError(errorCode, null),
                            Map.of(),
                            null,
                            rs.getObject("created_at", OffsetDateTime.class).toInstant());
                })
                .list();
    }
}
