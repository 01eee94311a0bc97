-- A job's media (uploads and outputs) can be deleted before its row: by DELETE /jobs/{id} of a finished job,
-- or by the gateway's retention sweep. The row stays for analytics; this says when its media went.
ALTER TABLE jobs ADD COLUMN media_deleted_at timestamptz;

-- The retention sweep: finished jobs that still have media, oldest first.
CREATE INDEX jobs_media_kept ON jobs (updated_at)
    WHERE media_deleted_at IS NULL AND status IN ('COMPLETED', 'FAILED', 'CANCELLED');

-- Readiness: the oldest job still waiting for the pipeline.
CREATE INDEX jobs_queued ON jobs (created_at) WHERE status = 'QUEUED';
