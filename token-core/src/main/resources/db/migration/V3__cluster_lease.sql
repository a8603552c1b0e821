-- Work that one instance does for all the instances sharing this database: who holds it, and until when
-- (UTC, from the holder's clock). A row also serves as a lock held for one transaction.
CREATE TABLE cluster_lease (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    holder     VARCHAR(128),
    held_until TIMESTAMP    NOT NULL
);

INSERT INTO cluster_lease (name, held_until) VALUES ('token-expiry', TIMESTAMP '1970-01-01 00:00:00');
