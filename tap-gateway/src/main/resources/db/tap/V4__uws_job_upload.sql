-- The tables an asynchronous job uploads (TAP_UPLOAD), kept as sent, in numbered chunks like its result, from the
-- job's creation until it has run (or is deleted): whichever server runs the job loads them for its query then.
CREATE TABLE IF NOT EXISTS uws_job_upload (
    job_id     VARCHAR(16) NOT NULL REFERENCES uws_job (job_id) ON DELETE CASCADE,
    table_name VARCHAR(64) NOT NULL,
    chunk_no   INTEGER     NOT NULL,
    chunk_data BYTEA       NOT NULL,
    PRIMARY KEY (job_id, table_name, chunk_no)
);
