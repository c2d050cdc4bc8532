-- Short URLs and redirections, and the log of missing addresses (SQLite).
-- Keep in step with ../postgres/0014_redirections.sql.

-- A path of this site that no page answers (`source`, with its query string
-- when it has one) sends visitors to `target`: 301 when `permanent`, else 302.
CREATE TABLE redirections (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    target TEXT NOT NULL,
    permanent BOOLEAN NOT NULL DEFAULT TRUE,
    hits BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

-- The other sites redirections may lead to (host names).
CREATE TABLE redirection_hosts (
    host TEXT PRIMARY KEY
);

-- Addresses visitors asked for and did not find, so that a migration from
-- an old site can be finished (bounded: see storage/redirections.rs).
CREATE TABLE missing_paths (
    path TEXT PRIMARY KEY,
    hits BIGINT NOT NULL DEFAULT 0,
    first_seen_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);
CREATE INDEX missing_paths_hits ON missing_paths(hits DESC, path);

-- The pages that linked to a missing address, a few per address.
CREATE TABLE missing_path_referrers (
    path TEXT NOT NULL REFERENCES missing_paths(path) ON DELETE CASCADE,
    referrer TEXT NOT NULL,
    hits BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (path, referrer)
);
