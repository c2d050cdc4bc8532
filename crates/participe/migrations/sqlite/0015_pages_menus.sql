-- The organisation's pages and its header and footer menus (SQLite). Keep in
-- step with ../postgres/0015_pages_menus.sql.

-- Pages at /pages/{slug}: the legal notice, privacy and cookies pages and
-- the contact page exist on every site (created unpublished by
-- storage/site_pages.rs, one of each kind); others are written freely.
CREATE TABLE pages (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT 'custom' CHECK (kind IN ('custom', 'legal', 'privacy', 'cookies', 'contact')),
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    meta_description TEXT NOT NULL DEFAULT '',
    cover_path TEXT,
    cover_alt TEXT NOT NULL DEFAULT '',
    -- Contact pages: where messages go, addresses separated by newlines.
    recipients TEXT NOT NULL DEFAULT '',
    published BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX pages_builtin ON pages(kind) WHERE kind <> 'custom';

-- Menu entries: a page, a project, an address, or (top level only) a
-- heading for the entries nested under it. One level of nesting.
CREATE TABLE menu_items (
    id INTEGER PRIMARY KEY,
    menu TEXT NOT NULL CHECK (menu IN ('header', 'footer')),
    parent_id INTEGER REFERENCES menu_items(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    label TEXT NOT NULL,
    page_id INTEGER REFERENCES pages(id) ON DELETE CASCADE,
    project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE,
    url TEXT,
    CHECK ((page_id IS NOT NULL) + (project_id IS NOT NULL) + (url IS NOT NULL) <= 1)
);
CREATE INDEX menu_items_order ON menu_items(menu, parent_id, position);
