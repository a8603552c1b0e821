-- The TAP service's asynchronous (UWS) jobs and their results. They live here, not in one server's memory, so
-- that every server on this database lists, stops, deletes and serves the same jobs, and a restart keeps them.
-- Like V1, SQL that both H2 2.x and PostgreSQL accept, leaving tables that exist as they are; times are UTC.

CREATE TABLE IF NOT EXISTS uws_job (
    job_id             VARCHAR(16)   NOT NULL PRIMARY KEY,
    username           VARCHAR(64)   NOT NULL,
    phase              VARCHAR(16)   NOT NULL,
    created            TIMESTAMP     NOT NULL,
    started            TIMESTAMP,
    ended              TIMESTAMP,
    -- seconds
    execution_duration BIGINT        NOT NULL,
    destruction        TIMESTAMP     NOT NULL,
    error_message      VARCHAR(4000),
    result_type        VARCHAR(128),
    result_rows        BIGINT,
    result_overflow    BOOLEAN,
    result_bytes       BIGINT,
    result_chunks      INTEGER,
    -- the server running the job (an id it draws at each start), and when it last said it still is: a job whose
    -- server stopped answering is turned into an error by whichever server sweeps first
    executor           VARCHAR(36),
    heartbeat          TIMESTAMP
);

CREATE INDEX IF NOT EXISTS uws_job_by_username ON uws_job (username, created);
CREATE INDEX IF NOT EXISTS uws_job_by_destruction ON uws_job (destruction);
CREATE INDEX IF NOT EXISTS uws_job_by_executor ON uws_job (executor, phase);

-- A job's query parameters (QUERY, LANG, MAXREC, RUNID, ...), names upper-cased, in the order they were given.
CREATE TABLE IF NOT EXISTS uws_job_parameter (
    job_id      VARCHAR(16)      NOT NULL REFERENCES uws_job (job_id) ON DELETE CASCADE,
    param_name  VARCHAR(64)      NOT NULL,
    param_order INTEGER          NOT NULL,
    param_value VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (job_id, param_name)
);

-- A finished job's result as written, in numbered chunks of a few hundred kilobytes, so that neither writing nor
-- reading a result of millions of rows holds more than one chunk in memory. BYTEA is PostgreSQL's binary string
-- and an alias of H2's. A chunk written for a job that was deleted meanwhile fails on the foreign key.
CREATE TABLE IF NOT EXISTS uws_result_chunk (
    job_id     VARCHAR(16) NOT NULL REFERENCES uws_job (job_id) ON DELETE CASCADE,
    chunk_no   INTEGER     NOT NULL,
    chunk_data BYTEA       NOT NULL,
    PRIMARY KEY (job_id, chunk_no)
);
