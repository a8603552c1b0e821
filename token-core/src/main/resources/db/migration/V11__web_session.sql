-- Where and with which browser each web login was made, for the user's list of signed-in sessions (WebSessions):
-- one row per session token of a browser, gone with the token. A row is named by the token's public key; what
-- signs the browser in is the session token's secret, which the token table holds only as a hash.
CREATE TABLE web_session (
    token_key      VARCHAR(22)  NOT NULL PRIMARY KEY REFERENCES token (token_key) ON DELETE CASCADE,
    user_agent     VARCHAR(512),
    client_address VARCHAR(45)  NOT NULL,
    signed_in      TIMESTAMP    NOT NULL
);
