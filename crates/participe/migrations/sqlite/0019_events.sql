-- Events and registrations (SQLite). Keep in step with
-- ../postgres/0019_events.sql.

-- Public meetings, workshops, walks, online sessions. With registration,
-- people take the seats in order up to the capacity (none: no limit), the
-- others wait; a reminder goes out once, a day before.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    online_url TEXT NOT NULL DEFAULT '',
    registration BOOLEAN NOT NULL DEFAULT FALSE,
    capacity BIGINT CHECK (capacity IS NULL OR capacity > 0),
    published BOOLEAN NOT NULL DEFAULT FALSE,
    cancelled_at TEXT,
    reminded_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX events_upcoming ON events(published, starts_at);

-- The projects an event belongs to (their pages list it).
CREATE TABLE event_projects (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, project_id)
);
CREATE INDEX event_projects_project ON event_projects(project_id);

-- One registration per person and event: a seat, or a place in the queue
-- (the order of ids).
CREATE TABLE event_registrations (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'waiting')),
    created_at TEXT NOT NULL,
    UNIQUE (event_id, user_id)
);
CREATE INDEX event_registrations_queue ON event_registrations(event_id, status, id);
