-- The TAP service's tables, in SQL that both H2 2.x and PostgreSQL accept; identifiers are unquoted, so each
-- database folds them its own way and the TAP service asks the database which way that is. A database set up by
-- token-core's migrations before these existed holds the tables already: each statement leaves what exists alone.

-- TAP_SCHEMA (TAP 1.1, section 4): the service rewrites its rows at every start from what it publishes.
CREATE SCHEMA IF NOT EXISTS tap_schema;

CREATE TABLE IF NOT EXISTS tap_schema.schemas (
    schema_name  VARCHAR(64)   NOT NULL PRIMARY KEY,
    utype        VARCHAR(512),
    description  VARCHAR(4000),
    schema_index INTEGER
);

CREATE TABLE IF NOT EXISTS tap_schema.tables (
    schema_name VARCHAR(64)   NOT NULL,
    table_name  VARCHAR(128)  NOT NULL PRIMARY KEY,
    table_type  VARCHAR(8)    NOT NULL,
    utype       VARCHAR(512),
    description VARCHAR(4000),
    table_index INTEGER
);

CREATE TABLE IF NOT EXISTS tap_schema.columns (
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

CREATE TABLE IF NOT EXISTS tap_schema.keys (
    key_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    from_table   VARCHAR(128)  NOT NULL,
    target_table VARCHAR(128)  NOT NULL,
    utype        VARCHAR(512),
    description  VARCHAR(4000)
);

CREATE TABLE IF NOT EXISTS tap_schema.key_columns (
    key_id        VARCHAR(64)  NOT NULL,
    from_column   VARCHAR(64)  NOT NULL,
    target_column VARCHAR(64)  NOT NULL,
    PRIMARY KEY (key_id, from_column)
);

-- Held for one transaction by the instance rewriting TAP_SCHEMA's rows, so that two instances' rewrites cannot
-- interleave; it lives beside TAP_SCHEMA, whichever database that is.
CREATE TABLE IF NOT EXISTS tap_lock (
    name VARCHAR(64) NOT NULL PRIMARY KEY
);

INSERT INTO tap_lock (name) SELECT 'tap-schema' WHERE NOT EXISTS (SELECT 1 FROM tap_lock WHERE name = 'tap-schema');
