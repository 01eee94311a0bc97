-- How many times a work operator of the Flink job began a record (a job, a dub line), counted where a crash
-- cannot undo it: keyed state rolls back to the last checkpoint with the task, this table does not. The
-- operator adds one BEFORE the work and deletes the row after it, so a row that outlives its work means
-- the work died with its task (an Error, a lost TaskManager). A record begun more than twice (the first
-- try and one retry) is quarantined: answered FAILED instead of being tried again; its row stays, so a
-- later replay of it is answered the same way, until rows a day old are forgotten.
CREATE TABLE job_attempts (
    operator        text        NOT NULL,  -- the operator's uid: analyze, generate, dub-lines, …
    record_key      text        NOT NULL,  -- the job id, or job/line for a dub line
    attempts        integer     NOT NULL,
    started_at      timestamptz NOT NULL,  -- when the latest attempt began
    failure_code    text,                  -- how the latest attempt died, when the operator saw it die
    failure_detail  text,
    PRIMARY KEY (operator, record_key)
);
