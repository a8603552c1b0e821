-- Two instances starting together on an empty database must not both seed the user directory: the seeding holds
-- this row for its transaction, and the second instance finds the users there once it gets the row.
INSERT INTO cluster_lease (name, held_until) VALUES ('user-seed', TIMESTAMP '1970-01-01 00:00:00');
