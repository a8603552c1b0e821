-- Whether the token's secret ends with a checksum (README, Leaked tokens). Tokens issued before, and any an older
-- instance still issues during a rolling upgrade, get FALSE: the verifier keeps accepting them by key.
ALTER TABLE token ADD COLUMN secret_checksum BOOLEAN DEFAULT FALSE NOT NULL;
