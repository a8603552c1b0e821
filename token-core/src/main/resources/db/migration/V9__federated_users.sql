-- Users from an identity provider are kept in the directory too, as the provider (and LDAP) described them at their
-- last login: they have no password here. Every user, built-in or federated, may carry the numeric ids a POSIX
-- file system knows them by, and each group its gid.
ALTER TABLE directory_user ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE directory_user ADD COLUMN uid BIGINT;
ALTER TABLE directory_user ADD COLUMN gid BIGINT;
ALTER TABLE directory_user ADD COLUMN federated BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE directory_user_group ADD COLUMN group_id BIGINT;
