-- News posts and their comments (SQLite). Keep in step with
-- ../postgres/0020_news.sql.

-- A post is a draft until it has a publication date, and visible once that
-- date has come (a date to come schedules it).
CREATE TABLE news_posts (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    cover_path TEXT,
    cover_alt TEXT NOT NULL DEFAULT '',
    published_at TEXT,
    comments_enabled BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX news_posts_published ON news_posts(published_at);

-- What a post is about: projects (their pages list it), themes, proposals.
CREATE TABLE news_projects (
    news_id INTEGER NOT NULL REFERENCES news_posts(id) ON DELETE CASCADE,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    PRIMARY KEY (news_id, project_id)
);
CREATE INDEX news_projects_project ON news_projects(project_id);
CREATE TABLE news_themes (
    news_id INTEGER NOT NULL REFERENCES news_posts(id) ON DELETE CASCADE,
    theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    PRIMARY KEY (news_id, theme_id)
);
CREATE TABLE news_proposals (
    news_id INTEGER NOT NULL REFERENCES news_posts(id) ON DELETE CASCADE,
    proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    PRIMARY KEY (news_id, proposal_id)
);

-- Comments on a post, while its comments are on. Moderators hide one with
-- a reason (domain/moderation.rs), as elsewhere.
CREATE TABLE news_comments (
    id INTEGER PRIMARY KEY,
    news_id INTEGER NOT NULL REFERENCES news_posts(id) ON DELETE CASCADE,
    author_id INTEGER NOT NULL REFERENCES users(id),
    body TEXT NOT NULL,
    hidden_reason TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX news_comments_post ON news_comments(news_id, id);
