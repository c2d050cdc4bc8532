-- The administrators' action log (SQLite). Keep in step with
-- ../postgres/0027_admin_log.sql.
--
-- Every change made in the back office and by staff elsewhere (the routes
-- of participe_domain::admin_log): who (the account, and its name and email
-- as they were), what (method, path and the route it matched), the answer's
-- status, when and from which address. Kept for a configured time, then
-- deleted by the daily sweep.

CREATE TABLE admin_actions (
    id INTEGER PRIMARY KEY,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    user_label TEXT NOT NULL,
    role TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    route TEXT NOT NULL,
    status INTEGER NOT NULL,
    ip TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX admin_actions_at ON admin_actions(created_at);
CREATE INDEX admin_actions_user ON admin_actions(user_id);
