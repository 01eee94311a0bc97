-- Job state: written by the gateway (QUEUED, CANCELLED) and by the Flink job's JDBC sink (everything else).
CREATE TABLE jobs (
    job_id          text        PRIMARY KEY,
    tenant_id       text        NOT NULL,
    type            text        NOT NULL,
    status          text        NOT NULL,
    stage           text,
    progress        double precision NOT NULL DEFAULT 0,
    parameters      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    inputs          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    result          jsonb,
    outputs         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    error_code      text,
    error_detail    text,
    media_seconds   double precision,
    -- highest voice.events seq applied; the sink ignores older or replayed events
    last_event_seq  integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE INDEX jobs_tenant_created ON jobs (tenant_id, created_at DESC, job_id DESC);
CREATE INDEX jobs_type_created ON jobs (type, created_at);

-- Every voice.events record, once: (job_id, seq) is deterministic, so replays overwrite.
CREATE TABLE job_events (
    job_id       text        NOT NULL,
    seq          integer     NOT NULL,
    tenant_id    text        NOT NULL,
    kind         text        NOT NULL,
    stage        text,
    progress     double precision NOT NULL,
    segment      integer,
    duration_ms  bigint,
    error_code   text,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (job_id, seq)
);
