-- The TAP service's tables. Like V1, SQL that both H2 2.x and PostgreSQL accept; identifiers are unquoted, so
-- each database folds them its own way and the TAP service asks the database which way that is.

-- TAP_SCHEMA (TAP 1.1, section 4): the service rewrites its rows at every start from what it publishes.
CREATE SCHEMA tap_schema;

CREATE TABLE tap_schema.schemas (
    schema_name  VARCHAR(64)   NOT NULL PRIMARY KEY,
    utype        VARCHAR(512),
    description  VARCHAR(4000),
    schema_index INTEGER
);

CREATE TABLE tap_schema.tables (
    schema_name VARCHAR(64)   NOT NULL,
    table_name  VARCHAR(128)  NOT NULL PRIMARY KEY,
    table_type  VARCHAR(8)    NOT NULL,
    utype       VARCHAR(512),
    description VARCHAR(4000),
    table_index INTEGER
);

CREATE TABLE tap_schema.columns (
    table_name   VARCHAR(128)  NOT NULL,
    column_name  VARCHAR(64)   NOT NULL,
    datatype     VARCHAR(32)   NOT NULL,
    arraysize    VARCHAR(16),
    xtype        VARCHAR(64),
    size         INTEGER,
    description  VARCHAR(4000),
    utype        VARCHAR(512),
    unit         VARCHAR(64),
    ucd          VARCHAR(512),
    indexed      INTEGER       NOT NULL,
    principal    INTEGER       NOT NULL,
    std          INTEGER       NOT NULL,
    column_index INTEGER,
    PRIMARY KEY (table_name, column_name)
);

CREATE TABLE tap_schema.keys (
    key_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    from_table   VARCHAR(128)  NOT NULL,
    target_table VARCHAR(128)  NOT NULL,
    utype        VARCHAR(512),
    description  VARCHAR(4000)
);

CREATE TABLE tap_schema.key_columns (
    key_id        VARCHAR(64)  NOT NULL,
    from_column   VARCHAR(64)  NOT NULL,
    target_column VARCHAR(64)  NOT NULL,
    PRIMARY KEY (key_id, from_column)
);

-- The demo table: AllWISE multi-epoch photometry (IRSA's allwise_p3as_mep, with decl for dec as in Qserv).
-- The service fills it with a deterministic synthetic sample on first start.
CREATE SCHEMA wise_00;

CREATE TABLE wise_00.allwise_p3as_mep (
    cntr_mf      BIGINT           NOT NULL,
    source_id_mf VARCHAR(25)      NOT NULL,
    ra           DOUBLE PRECISION NOT NULL,
    decl         DOUBLE PRECISION NOT NULL,
    nb           INTEGER,
    na           INTEGER,
    cc_flags     VARCHAR(4),
    cntr         BIGINT           NOT NULL PRIMARY KEY,
    frame_id     VARCHAR(10),
    mjd          DOUBLE PRECISION NOT NULL,
    w1mpro_ep    REAL,
    w1sigmpro_ep REAL,
    w1rchi2_ep   REAL,
    w2mpro_ep    REAL,
    w2sigmpro_ep REAL,
    w2rchi2_ep   REAL,
    w3mpro_ep    REAL,
    w3sigmpro_ep REAL,
    w3rchi2_ep   REAL,
    w4mpro_ep    REAL,
    w4sigmpro_ep REAL,
    w4rchi2_ep   REAL,
    w1flux_ep    REAL,
    w1sigflux_ep REAL,
    w2flux_ep    REAL,
    w2sigflux_ep REAL,
    qi_fact      REAL,
    saa_sep      INTEGER,
    moon_masked  VARCHAR(4)
);

-- The spatial index: a cone search becomes a declination band plus an exact distance test, so it reads the
-- band from this index instead of scanning the table.
CREATE INDEX allwise_p3as_mep_decl ON wise_00.allwise_p3as_mep (decl);
CREATE INDEX allwise_p3as_mep_source ON wise_00.allwise_p3as_mep (source_id_mf);
