-- SQL that both H2 2.x and PostgreSQL accept. Times are UTC. Names avoid words either database reserves
-- (KEY, USER, VALUE).

-- The built-in user directory. Passwords are Jakarta Security PBKDF2 hashes, never clear text.
CREATE TABLE directory_user (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name  VARCHAR(256),
    email         VARCHAR(256),
    password_hash VARCHAR(512) NOT NULL,
    created       TIMESTAMP    NOT NULL
);

CREATE TABLE directory_user_group (
    username   VARCHAR(64)  NOT NULL REFERENCES directory_user (username) ON DELETE CASCADE,
    group_name VARCHAR(128) NOT NULL,
    PRIMARY KEY (username, group_name)
);

-- A token is stored by its public key with a hash of its secret; the secret itself is never stored.
CREATE TABLE token (
    token_key   VARCHAR(22)   NOT NULL PRIMARY KEY,
    secret_hash VARCHAR(64)   NOT NULL,
    username    VARCHAR(64)   NOT NULL,
    token_type  VARCHAR(16)   NOT NULL,
    token_name  VARCHAR(64),
    scopes      VARCHAR(2048) NOT NULL,
    service     VARCHAR(64),
    parent_key  VARCHAR(22)   REFERENCES token (token_key) ON DELETE SET NULL,
    created     TIMESTAMP     NOT NULL,
    last_used   TIMESTAMP,
    expires     TIMESTAMP,
    CONSTRAINT token_name_per_user UNIQUE (username, token_name)
);

CREATE INDEX token_by_username ON token (username, token_type);
CREATE INDEX token_by_parent ON token (parent_key);
CREATE INDEX token_by_expires ON token (expires);

-- EclipseLink takes each value as the end of a block of 50, so the first must be at least 50.
CREATE SEQUENCE token_change_history_seq START WITH 50 INCREMENT BY 50;

-- One row per create, edit, revoke or expire; rows outlive the tokens they describe.
CREATE TABLE token_change_history (
    id             BIGINT        NOT NULL PRIMARY KEY,
    token_key      VARCHAR(22)   NOT NULL,
    username       VARCHAR(64)   NOT NULL,
    token_type     VARCHAR(16)   NOT NULL,
    token_name     VARCHAR(64),
    parent_key     VARCHAR(22),
    scopes         VARCHAR(2048) NOT NULL,
    service        VARCHAR(64),
    expires        TIMESTAMP,
    actor          VARCHAR(64)   NOT NULL,
    action         VARCHAR(16)   NOT NULL,
    old_token_name VARCHAR(64),
    old_scopes     VARCHAR(2048),
    old_expires    TIMESTAMP,
    ip_address     VARCHAR(45),
    -- the address as 32 hex digits of IPv6 (IPv4 mapped), so a CIDR block is a range query on any database
    ip_hex         VARCHAR(32),
    event_time     TIMESTAMP     NOT NULL
);

CREATE INDEX history_by_time ON token_change_history (event_time, id);
CREATE INDEX history_by_token ON token_change_history (token_key, event_time, id);
CREATE INDEX history_by_username ON token_change_history (username, event_time, id);
CREATE INDEX history_by_ip ON token_change_history (ip_hex);
