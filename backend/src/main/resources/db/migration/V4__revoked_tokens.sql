-- Operator tokens revoked by signing out, kept until they would have expired anyway. A token is named
-- by a digest of it, never stored itself.
CREATE TABLE revoked_tokens (
    token_id     text PRIMARY KEY,
    operator_id  bigint NOT NULL REFERENCES operators (id),
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX revoked_tokens_expiry ON revoked_tokens (expires_at);
