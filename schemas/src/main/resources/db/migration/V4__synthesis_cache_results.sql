-- The synthesis cache answers lookups from this table (the job's second tier, behind each TaskManager's
-- memory) instead of asking object storage whether an object exists: each row carries the result the job
-- answers a hit with. A row without a result (written before this version) is a miss until the text is
-- generated again.
ALTER TABLE synthesis_cache ADD COLUMN result jsonb;

-- The content key does not cover the format: one text in WAV and in MP3 is two entries, two objects.
ALTER TABLE synthesis_cache DROP CONSTRAINT synthesis_cache_pkey;
ALTER TABLE synthesis_cache ADD PRIMARY KEY (cache_key, format);
