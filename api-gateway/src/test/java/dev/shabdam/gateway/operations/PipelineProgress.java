package dev.shabdam.gateway.operations;

import dev.shabdam.schemas.JobType;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

/**
 * The tests in the pipeline's place: a job of a type that the pipeline has just moved, as its events' upserts
 * leave the row, under a tenant no test lists. Readiness counts such a row as progress of the type's latency class.
 */
final class PipelineProgress {
    private PipelineProgress() {}

    static void moved(JdbcClient jdbc, JobType type) {
        jdbc.sql("""
                        INSERT INTO jobs (job_id, tenant_id, type, status, progress, created_at, updated_at)
                        VALUES (?, 'pipeline-progress', ?, 'RUNNING', 0.5, now(), now())""").params(UUID.randomUUID().toString(), type.name()).update();
    }
}
