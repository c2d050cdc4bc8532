-- Groups of users and content restricted to them (SQLite). Keep in step
-- with ../postgres/0026_groups.sql.
--
-- Administrators make groups by hand, by a CSV of emails, by invitations
-- (an expiring link that puts whoever signs up or logs in with it into the
-- group) or through a single sign-on provider that grants one. A project
-- restricted to groups is seen only by their members (and by staff).

CREATE TABLE user_groups (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

-- How someone came in (source): 'manual', 'csv', 'invitation' or 'provider'.
CREATE TABLE group_members (
    group_id INTEGER NOT NULL REFERENCES user_groups(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user ON group_members(user_id);

-- The groups a restricted project is shown to (none: any signed-in person).
CREATE TABLE project_groups (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES user_groups(id) ON DELETE CASCADE,
    PRIMARY KEY (project_id, group_id)
);

-- Invitations: the link's token stored as a SHA-256 hash, used once.
CREATE TABLE group_invitations (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES user_groups(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    invited_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    used_by INTEGER REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX group_invitations_group ON group_invitations(group_id);

ALTER TABLE sso_providers ADD COLUMN grant_group_id INTEGER REFERENCES user_groups(id) ON DELETE SET NULL;
