-- The site's fonts (SQLite). Keep in step with ../postgres/0017_fonts.sql.

-- Families uploaded by the organisation: one file per weight (400, 700),
-- stored under a generated name (`path`) and checked by content.
CREATE TABLE fonts (
    id INTEGER PRIMARY KEY,
    family TEXT NOT NULL,
    weight BIGINT NOT NULL CHECK (weight IN (400, 700)),
    format TEXT NOT NULL CHECK (format IN ('woff2', 'woff', 'ttf', 'otf')),
    path TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    UNIQUE (family, weight)
);

-- The families of headings and of body text: '' (the system's font),
-- 'builtin:KEY' (domain/fonts.rs) or 'uploaded:FAMILY'.
ALTER TABLE organisation ADD COLUMN heading_font TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN body_font TEXT NOT NULL DEFAULT '';
