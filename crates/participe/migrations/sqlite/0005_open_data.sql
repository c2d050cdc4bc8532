-- API tokens, background jobs, open-data settings (SQLite). Keep in step with
-- ../postgres/0005_open_data.sql.

-- The licence of the open data, and the secret that makes per-export
-- pseudonyms (HMAC of a person's id): stable within an export, unlinkable
-- across exports and organisations.
ALTER TABLE organisation ADD COLUMN open_data_licence TEXT NOT NULL DEFAULT 'etalab-2.0'
    CHECK (open_data_licence IN ('etalab-2.0', 'odbl-1.0'));
ALTER TABLE organisation ADD COLUMN pseudonym_secret TEXT;

-- Tokens for staff integrations with the GraphQL API, stored hashed.
CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    scope TEXT NOT NULL CHECK (scope IN ('read_private', 'write')),
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
);

-- Long operations (big exports, imports) run in the background.
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
    progress BIGINT NOT NULL DEFAULT 0,
    total BIGINT NOT NULL DEFAULT 0,
    message TEXT NOT NULL DEFAULT '',
    result_path TEXT,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX jobs_recent ON jobs(created_at);
