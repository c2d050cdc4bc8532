-- Realisation follow-up of winning proposals (SQLite). Keep in step with
-- ../postgres/0004_follow_up.sql.

-- Where the realisation of a winning proposal stands. A row exists once the
-- proposal won (or staff started following it up).
CREATE TABLE realisations (
    proposal_id INTEGER PRIMARY KEY REFERENCES proposals(id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'under_study' CHECK (status IN ('under_study', 'in_progress', 'delivered',
        'abandoned')),
    progress BIGINT NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 100),
    updated_at TEXT NOT NULL
);
CREATE INDEX realisations_status ON realisations(status);

-- Dated milestones, listed by due date.
CREATE TABLE realisation_milestones (
    id INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES realisations(proposal_id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    due_on TEXT NOT NULL,
    done BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TEXT NOT NULL
);
CREATE INDEX realisation_milestones_proposal ON realisation_milestones(proposal_id, due_on);

-- News posts (Markdown), each with an optional photo and its text alternative.
CREATE TABLE realisation_news (
    id INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES realisations(proposal_id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    image_path TEXT,
    image_alt TEXT NOT NULL DEFAULT '',
    author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    published_at TEXT NOT NULL
);
CREATE INDEX realisation_news_proposal ON realisation_news(proposal_id, published_at);
