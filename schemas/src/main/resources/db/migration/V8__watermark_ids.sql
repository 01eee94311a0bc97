-- What a job's watermark carries (WatermarkId): the top 30 bits of the SHA-256 of its job id, filled on
-- insert whoever inserts the row (the gateway, or the pipeline's sink for a row it sees first), so that a mark
-- found in a file leads back to its job, within the detecting tenant's own jobs.
ALTER TABLE jobs ADD COLUMN watermark_id integer;

CREATE FUNCTION jobs_watermark_id(job_id text) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT (('x' || left(encode(sha256(convert_to(job_id, 'UTF8')), 'hex'), 8))::bit(32)::bigint >> 2)::integer $$;

CREATE FUNCTION jobs_fill_watermark_id() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN NEW.watermark_id := jobs_watermark_id(NEW.job_id); RETURN NEW; END $$;

CREATE TRIGGER jobs_watermark_id BEFORE INSERT ON jobs
    FOR EACH ROW EXECUTE FUNCTION jobs_fill_watermark_id();

UPDATE jobs SET watermark_id = jobs_watermark_id(job_id);

CREATE INDEX jobs_tenant_watermark ON jobs (tenant_id, watermark_id);
