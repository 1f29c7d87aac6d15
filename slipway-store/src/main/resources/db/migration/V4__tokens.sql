-- API tokens of the model server. Portable SQL: runs unchanged on SQLite and PostgreSQL.
-- Times are ISO-8601 UTC text. Only the SHA-256 of a token's secret is kept, never the secret.

CREATE TABLE api_tokens (
    -- 12 hex digits, chosen at random when the token is created
    id          VARCHAR(12)  NOT NULL PRIMARY KEY,
    -- 1 to 64 letters, digits, '-', '_' or '.'
    name        VARCHAR(64)  NOT NULL UNIQUE,
    -- lowercase hex SHA-256 of the secret (slw_ and 43 base64url characters)
    token_hash  VARCHAR(64)  NOT NULL UNIQUE,
    -- the scopes, comma-separated: predict, admin or predict,admin
    scopes      VARCHAR(64)  NOT NULL,
    created_at  VARCHAR(40)  NOT NULL
);
