-- The demo archive's image collection as ObsCore 1.1 (ivoa.obscore): every mandatory column, in its standard order.
-- The demo archive creates it beside the demo table and fills it with SyntheticImages. SQL that both H2 2.x and
-- PostgreSQL accept; what exists is left alone.
CREATE SCHEMA IF NOT EXISTS ivoa;

CREATE TABLE IF NOT EXISTS ivoa.obscore (
    dataproduct_type  VARCHAR(16),
    calib_level       INTEGER          NOT NULL,
    obs_collection    VARCHAR(64)      NOT NULL,
    obs_id            VARCHAR(64)      NOT NULL,
    obs_publisher_did VARCHAR(256)     NOT NULL PRIMARY KEY,
    access_url        VARCHAR(512),
    access_format     VARCHAR(64),
    access_estsize    BIGINT,
    target_name       VARCHAR(64),
    s_ra              DOUBLE PRECISION,
    s_dec             DOUBLE PRECISION,
    s_fov             DOUBLE PRECISION,
    s_region          VARCHAR(512),
    s_resolution      DOUBLE PRECISION,
    s_xel1            BIGINT,
    s_xel2            BIGINT,
    t_min             DOUBLE PRECISION,
    t_max             DOUBLE PRECISION,
    t_exptime         DOUBLE PRECISION,
    t_resolution      DOUBLE PRECISION,
    t_xel             BIGINT,
    em_min            DOUBLE PRECISION,
    em_max            DOUBLE PRECISION,
    em_res_power      DOUBLE PRECISION,
    em_xel            BIGINT,
    o_ucd             VARCHAR(64),
    pol_states        VARCHAR(32),
    pol_xel           BIGINT,
    facility_name     VARCHAR(64),
    instrument_name   VARCHAR(64)
);

CREATE INDEX IF NOT EXISTS obscore_dec ON ivoa.obscore (s_dec);
CREATE INDEX IF NOT EXISTS obscore_t_min ON ivoa.obscore (t_min);
