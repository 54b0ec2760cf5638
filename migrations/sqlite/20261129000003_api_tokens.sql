-- Personal API tokens for the JSON API (`Authorization: Bearer ra_...`). A token belongs to
-- one person in one organisation and acts with that membership's current role. As with
-- sessions, only the SHA-256 of the token is stored: a database leak hands out no access.
CREATE TABLE api_tokens (
    id               TEXT PRIMARY KEY,
    user_id          TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id  TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name             TEXT NOT NULL,
    token_hash       TEXT NOT NULL UNIQUE,
    created_at       BIGINT NOT NULL,
    last_used_at     BIGINT,
    revoked_at       BIGINT
);
CREATE INDEX api_tokens_by_owner ON api_tokens (user_id, organisation_id);
