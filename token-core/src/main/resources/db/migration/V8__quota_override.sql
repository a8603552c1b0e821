-- Per-user quota overrides set by an admin (QuotaOverrides in token-core): they win over the grants of the user's
-- groups. Every instance reads the whole table about once a second, so it stays small: one row per user overridden.
CREATE TABLE quota_override (
    username       VARCHAR(64)   NOT NULL PRIMARY KEY,
    api            VARCHAR(2048) NOT NULL,
    concurrent     VARCHAR(2048) NOT NULL,
    notes          VARCHAR(512),
    modified_by    VARCHAR(64)   NOT NULL,
    modified       TIMESTAMP     NOT NULL
);

-- Every change to an override, kept when the override is removed: who set what, when, from where, and what was
-- there before.
CREATE SEQUENCE quota_override_history_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE quota_override_history (
    id         BIGINT        NOT NULL PRIMARY KEY,
    username   VARCHAR(64)   NOT NULL,
    action     VARCHAR(16)   NOT NULL,
    old_quota  VARCHAR(2200),
    new_quota  VARCHAR(2200),
    notes      VARCHAR(512),
    actor      VARCHAR(64)   NOT NULL,
    ip_address VARCHAR(45),
    event_time TIMESTAMP     NOT NULL
);
CREATE INDEX quota_override_history_by_user ON quota_override_history (username, event_time, id);
