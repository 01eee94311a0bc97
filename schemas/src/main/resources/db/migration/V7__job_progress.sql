-- Readiness: when the pipeline last moved a job of each type (the latest update of a row it has taken).
CREATE INDEX jobs_progress ON jobs (type, updated_at) WHERE status <> 'QUEUED';

-- The retention sweep: jobs whose media went lately, whose work a late write of the pipeline may have left.
CREATE INDEX jobs_media_deleted ON jobs (media_deleted_at) WHERE media_deleted_at IS NOT NULL;
