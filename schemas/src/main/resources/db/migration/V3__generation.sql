-- Synthesis cache index: content-addressed audio in object storage, one row per distinct request.
-- The key is the sha256 of (normalised text, language, voice, controls, engine, model version).
CREATE TABLE synthesis_cache (
    cache_key      text        PRIMARY KEY,
    storage_key    text        NOT NULL,
    engine         text        NOT NULL,
    voice_id       text,
    language       text        NOT NULL,
    format         text        NOT NULL,
    duration_sec   double precision NOT NULL,
    size_bytes     bigint      NOT NULL,
    created_at     timestamptz NOT NULL,
    last_hit_at    timestamptz,
    hits           bigint      NOT NULL DEFAULT 0
);

-- Personas for the chat assistant: a name standing for a voice and its controls, usable as a voiceId.
CREATE TABLE personas (
    persona_id     text        PRIMARY KEY,
    tenant_id      text        NOT NULL,
    name           text        NOT NULL,
    voice_id       text,
    language       text        NOT NULL,
    emotion        text        NOT NULL,
    speed          double precision NOT NULL,
    pitch          double precision NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    UNIQUE (tenant_id, name)
);
