-- One row per finished ANALYZE job, written by the Flink job's JDBC sink; dashboards read it directly.
CREATE TABLE analysis_results (
    job_id              text        PRIMARY KEY,
    tenant_id           text        NOT NULL,
    duration_sec        double precision,
    sample_rate_hz      integer,
    channels            integer,
    integrated_lufs     double precision,
    loudness_range_lu   double precision,
    true_peak_dbtp      double precision,
    snr_db              double precision,
    clipping_ratio      double precision,
    silence_ratio       double precision,
    pitch_median_hz     double precision,
    pitch_stdev_st      double precision,
    syllables_per_sec   double precision,
    jitter_percent      double precision,
    shimmer_percent     double precision,
    hnr_db              double precision,
    suggestion_codes    text[]      NOT NULL DEFAULT '{}',
    result              jsonb       NOT NULL,
    created_at          timestamptz NOT NULL
);

CREATE INDEX analysis_results_tenant_created ON analysis_results (tenant_id, created_at);
