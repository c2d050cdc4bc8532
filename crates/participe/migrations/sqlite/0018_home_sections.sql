-- The home page's sections, the header image and newsletter sign-ups
-- (SQLite). Keep in step with ../postgres/0018_home_sections.sql.

-- Sections shown on the home page in position order (domain/home_section.rs
-- lists the kinds). The title is empty for the kind's own heading.
CREATE TABLE home_sections (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('intro', 'projects', 'highlights', 'themes', 'proposals', 'figures', 'map', 'text', 'newsletter', 'news', 'events')),
    position BIGINT NOT NULL,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    -- Projects sections: open now, upcoming, past, most recent or chosen.
    mode TEXT NOT NULL DEFAULT 'current' CHECK (mode IN ('current', 'upcoming', 'past', 'recent', 'chosen')),
    item_count BIGINT NOT NULL DEFAULT 6
);
CREATE INDEX home_sections_order ON home_sections(position);

-- The home page as it was before sections: the introduction, then the open,
-- upcoming and past projects. Administrators change it from there.
INSERT INTO home_sections (kind, position, mode, item_count) VALUES
    ('intro', 1, 'current', 6),
    ('projects', 2, 'current', 24),
    ('projects', 3, 'upcoming', 12),
    ('projects', 4, 'past', 12);

-- The projects a section shows one by one, or the projects and pages of a
-- carousel of highlights.
CREATE TABLE home_section_items (
    id INTEGER PRIMARY KEY,
    section_id INTEGER NOT NULL REFERENCES home_sections(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE,
    page_id INTEGER REFERENCES pages(id) ON DELETE CASCADE,
    CHECK ((project_id IS NOT NULL) + (page_id IS NOT NULL) = 1)
);
CREATE INDEX home_section_items_order ON home_section_items(section_id, position);

-- The picture behind the home page's introduction.
ALTER TABLE organisation ADD COLUMN header_image_path TEXT;

-- Newsletter sign-ups: confirmed by a link sent to the address (nobody is
-- signed up by someone else); the token also serves to leave.
CREATE TABLE newsletter_subscribers (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    lang TEXT NOT NULL DEFAULT 'fr',
    token TEXT NOT NULL UNIQUE,
    confirmed_at TEXT,
    created_at TEXT NOT NULL
);
