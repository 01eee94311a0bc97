package dev.shabdam.gateway.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.shabdam.schemas.JobError;
import dev.shabdam.schemas.JobStatus;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.RecordCodec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code jobs} table. The gateway inserts a job as submitted (QUEUED, or FAILED when the queue refused it)
 * and marks its media deleted; every other change of state is the pipeline's sink's, from the job's events. JSON columns are written and read with {@link RecordCodec}'s mapper, the dialect the
 * pipeline uses.
 */
@Repository
public class JobRepository {
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
    private static final String COLUMNS = """
            job_id, tenant_id, type, status, stage, progress, error_code, error_detail,
            result::text AS result, outputs::text AS outputs, created_at, updated_at, media_deleted_at""";

    private final JdbcClient jdbc;

    JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(JobRow job, Map<String, String> parameters, Map<String, String> inputs) {
        jdbc.sql("""
                        INSERT INTO jobs (job_id, tenant_id, type, status, progress, parameters, inputs, created_at, updated_at)
                        VALUES (:jobId, :tenant, :type, :status, 0, CAST(:parameters AS jsonb), CAST(:inputs AS jsonb),
                                :createdAt, :createdAt)""")
                .param("jobId", job.jobId())
                .param("tenant", job.tenantId())
                .param("type", job.type().name())
                .param("status", job.status().name())
                .param("parameters", json(parameters))
                .param("inputs", json(inputs))
                .param("createdAt", timestamp(job.createdAt()))
                .update();
    }

    /** The tenant's job; another tenant's job is as absent as an unknown one. */
    public Optional<JobRow> find(String tenantId, String jobId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE job_id = :jobId AND tenant_id = :tenant")
                .param("jobId", jobId)
                .param("tenant", tenantId)
                .query(JobRepository::row)
                .optional();
    }

    /** Up to {@code limit} of the tenant's jobs after the cursor, newest first. */
    List<JobRow> page(String tenantId, JobType type, JobStatus status, JobCursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM jobs WHERE tenant_id = :tenant");
        Map<String, Object> params = new HashMap<>(Map.of("tenant", tenantId, "limit", limit));
        if (type != null) {
            sql.append(" AND type = :type");
            params.put("type", type.name());
        }
        if (status != null) {
            sql.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (after != null) {
            sql.append(" AND (created_at, job_id) < (:afterCreated, :afterId)");
            params.put("afterCreated", timestamp(after.createdAt()));
            params.put("afterId", after.jobId());
        }
        sql.append(" ORDER BY created_at DESC, job_id DESC LIMIT :limit");
        return jdbc.sql(sql.toString()).params(params).query(JobRepository::row).list();
    }

    /** Marks a job FAILED with {@code error}, unless it ended already: the queue refused it, so no pipeline will end it. */
    void failUnqueued(String jobId, JobError error, Instant at) {
        jdbc.sql("UPDATE jobs SET status = 'FAILED', error_code = :code, error_detail = :detail, updated_at = :at"
                        + " WHERE job_id = :jobId AND status IN ('QUEUED', 'RUNNING')")
                .param("code", error.code())
                .param("detail", error.detail())
                .param("at", timestamp(at))
                .param("jobId", jobId)
                .update();
    }

    /** Records that the job's media were deleted; the row as it is then (empty for no such job). */
    Optional<JobRow> markMediaDeleted(String jobId, Instant at) {
        return jdbc.sql("UPDATE jobs SET media_deleted_at = COALESCE(media_deleted_at, :at) WHERE job_id = :jobId"
                        + " RETURNING " + COLUMNS)
                .param("at", timestamp(at))
                .param("jobId", jobId)
                .query(JobRepository::row)
                .optional();
    }

    /** The jobs whose media were deleted since {@code since}. */
    List<String> mediaDeletedSince(Instant since) {
        return jdbc.sql("SELECT job_id FROM jobs WHERE media_deleted_at > :since")
                .param("since", timestamp(since))
                .query(String.class)
                .list();
    }

    /** Up to {@code limit} jobs that ended before {@code before} and still have media, those that ended first first. */
    List<JobRow> endedWithMediaBefore(Instant before, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE media_deleted_at IS NULL"
                        + " AND status IN ('COMPLETED', 'FAILED', 'CANCELLED') AND updated_at < :before"
                        + " ORDER BY updated_at LIMIT :limit")
                .param("before", timestamp(before))
                .param("limit", limit)
                .query(JobRepository::row)
                .list();
    }

    private static JobRow row(ResultSet rs, int rowNum) throws SQLException {
        String errorCode = rs.getString("error_code");
        return new JobRow(
                rs.getString("job_id"),
                rs.getString("tenant_id"),
                JobType.valueOf(rs.getString("type")),
                JobStatus.valueOf(rs.getString("status")),
                rs.getString("stage"),
                rs.getDouble("progress"),
                errorCode == null ? null : new JobError(errorCode, rs.getString("error_detail")),
                rs.getString("result"),
                stringMap(rs.getString("outputs")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                instant(rs.getObject("media_deleted_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String json(Map<String, String> map) {
        try {
            return RecordCodec.mapper().writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> stringMap(String json) {
        try {
            return json == null ? Map.of() : RecordCodec.mapper().readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
