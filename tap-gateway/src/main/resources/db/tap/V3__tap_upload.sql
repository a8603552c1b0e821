-- The tables queries upload (TAP_UPLOAD), each created for one query under a random name and dropped after it.
CREATE SCHEMA IF NOT EXISTS tap_upload;
