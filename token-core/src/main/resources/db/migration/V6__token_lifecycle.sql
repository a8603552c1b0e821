-- Whether the token's secret ends with a checksum (README, Leaked tokens). Tokens issued before, and any an older
-- instance still issues during a rolling upgrade, get FALSE: the verifier keeps accepting them by key.
ALTER TABLE token ADD COLUMN secret_checksum BOOLEAN DEFAULT FALSE NOT NULL;

-- Rotation (README, Rotating a token): when the secret was last replaced, from which a rotation measures the
-- token's lifetime, and the replaced secret's hash with the end of its grace period, while it still works.
ALTER TABLE token ADD COLUMN rotated TIMESTAMP;
ALTER TABLE token ADD COLUMN previous_secret_hash VARCHAR(64);
ALTER TABLE token ADD COLUMN previous_secret_until TIMESTAMP;

-- Expiry notices by email (README, Expiry notices): the threshold, in days before expiry, of the last notice sent
-- for the current expiry (7, then 1); NULL when none was. An edit of the expiry or a rotation clears it.
ALTER TABLE token ADD COLUMN expiry_notice_days INTEGER;

-- Where each token was used (README, Where a token was used): the last few client addresses and services, with
-- the time of the latest use from each; written coalesced, at most once per flush interval per row. No foreign key:
-- the flush then never waits on a token's row (nor a revocation on the flush); it drops the rows of deleted tokens.
CREATE TABLE token_use (
    token_key  VARCHAR(22) NOT NULL,
    ip_address VARCHAR(45) NOT NULL,
    service    VARCHAR(16) NOT NULL,
    last_seen  TIMESTAMP   NOT NULL,
    PRIMARY KEY (token_key, ip_address, service)
);
