-- Translated content (PostgreSQL). Keep in step with ../sqlite/0021_translations.sql.
--
-- The texts typed in the usual forms are the French ones and the fallback.
-- Each table holds an item's fields in the other languages, one row per
-- field and language (a missing row: the French text is shown). The list of
-- fields per kind is participe_domain::translation::Kind::fields.

CREATE TABLE project_translations (
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (project_id, lang, field)
);

CREATE TABLE step_translations (
    step_id BIGINT NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (step_id, lang, field)
);

CREATE TABLE page_translations (
    page_id BIGINT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (page_id, lang, field)
);

CREATE TABLE menu_item_translations (
    menu_item_id BIGINT NOT NULL REFERENCES menu_items(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (menu_item_id, lang, field)
);

CREATE TABLE news_post_translations (
    news_post_id BIGINT NOT NULL REFERENCES news_posts(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (news_post_id, lang, field)
);

CREATE TABLE event_translations (
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (event_id, lang, field)
);

CREATE TABLE theme_translations (
    theme_id BIGINT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (theme_id, lang, field)
);

CREATE TABLE district_translations (
    district_id BIGINT NOT NULL REFERENCES districts(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (district_id, lang, field)
);
