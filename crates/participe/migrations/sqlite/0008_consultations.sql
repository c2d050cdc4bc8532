-- Consultations on a text, and debates (issue: co-writing a text with
-- citizens). A consultation step holds one or more consultations; each is a
-- tree of sections holding articles (written by the organisers) and
-- contributions (by participants). Amendments are opinions that amend
-- another one. Arguments belong to an opinion or to a debate.

CREATE TABLE consultations (
    id INTEGER PRIMARY KEY,
    step_id INTEGER NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    position BIGINT NOT NULL DEFAULT 0,
    -- New contributions, amendments, arguments and sources wait for a moderator.
    pre_moderation BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TEXT NOT NULL
);
CREATE INDEX consultations_step ON consultations(step_id, position);

CREATE TABLE consultation_sections (
    id INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES consultation_sections(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    subtitle TEXT NOT NULL DEFAULT '',
    help TEXT NOT NULL DEFAULT '',
    colour TEXT NOT NULL DEFAULT '',
    position BIGINT NOT NULL DEFAULT 0,
    contributions_open BOOLEAN NOT NULL DEFAULT TRUE,
    amendments_allowed BOOLEAN NOT NULL DEFAULT TRUE,
    sources_allowed BOOLEAN NOT NULL DEFAULT TRUE,
    arguments_allowed BOOLEAN NOT NULL DEFAULT TRUE,
    vote_widget TEXT NOT NULL DEFAULT 'agree_mixed_disagree'
        CHECK (vote_widget IN ('none', 'agree', 'agree_mixed_disagree')),
    votes_threshold BIGINT CHECK (votes_threshold IS NULL OR votes_threshold > 0),
    default_sort TEXT NOT NULL DEFAULT 'position'
        CHECK (default_sort IN ('position', 'random', 'newest', 'oldest', 'favourable', 'votes', 'arguments'))
);
CREATE INDEX consultation_sections_tree ON consultation_sections(consultation_id, parent_id, position);

CREATE TABLE opinions (
    id INTEGER PRIMARY KEY,
    section_id INTEGER NOT NULL REFERENCES consultation_sections(id) ON DELETE CASCADE,
    -- Set on amendments: the opinion whose text they change.
    amends_id INTEGER REFERENCES opinions(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('article', 'contribution', 'amendment')),
    author_id INTEGER REFERENCES users(id),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    -- The "exposé des motifs" of a contribution, the justification of an amendment.
    appendix TEXT NOT NULL DEFAULT '',
    pinned BOOLEAN NOT NULL DEFAULT FALSE,
    position BIGINT NOT NULL DEFAULT 0,
    -- False while waiting for pre-moderation.
    published BOOLEAN NOT NULL DEFAULT TRUE,
    hidden_reason TEXT,
    answer TEXT NOT NULL DEFAULT '',
    answered_at TEXT,
    agree_count BIGINT NOT NULL DEFAULT 0,
    mixed_count BIGINT NOT NULL DEFAULT 0,
    disagree_count BIGINT NOT NULL DEFAULT 0,
    for_count BIGINT NOT NULL DEFAULT 0,
    against_count BIGINT NOT NULL DEFAULT 0,
    source_count BIGINT NOT NULL DEFAULT 0,
    amendment_count BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((kind = 'amendment') = (amends_id IS NOT NULL))
);
CREATE INDEX opinions_section ON opinions(section_id, amends_id, position);
CREATE INDEX opinions_amends ON opinions(amends_id);
CREATE INDEX opinions_author ON opinions(author_id);

CREATE TABLE opinion_votes (
    opinion_id INTEGER NOT NULL REFERENCES opinions(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    value TEXT NOT NULL CHECK (value IN ('agree', 'mixed', 'disagree')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (opinion_id, user_id)
);
CREATE INDEX opinion_votes_user ON opinion_votes(user_id);

CREATE TABLE opinion_follows (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    opinion_id INTEGER NOT NULL REFERENCES opinions(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, opinion_id)
);
CREATE INDEX opinion_follows_opinion ON opinion_follows(opinion_id);

CREATE TABLE debates (
    id INTEGER PRIMARY KEY,
    step_id INTEGER NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    mode TEXT NOT NULL DEFAULT 'face_to_face' CHECK (mode IN ('face_to_face', 'free')),
    text_for TEXT NOT NULL DEFAULT '',
    text_against TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    anonymous_allowed BOOLEAN NOT NULL DEFAULT FALSE,
    pre_moderation BOOLEAN NOT NULL DEFAULT FALSE,
    for_count BIGINT NOT NULL DEFAULT 0,
    against_count BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX debates_step ON debates(step_id);

-- A person's side in a debate: by account, or by an email address once the
-- emailed link is followed (confirmed_at set).
CREATE TABLE debate_votes (
    id INTEGER PRIMARY KEY,
    debate_id INTEGER NOT NULL REFERENCES debates(id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    email TEXT,
    side TEXT NOT NULL CHECK (side IN ('for', 'against')),
    confirm_token_hash TEXT UNIQUE,
    confirmed_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (debate_id, user_id),
    UNIQUE (debate_id, email),
    CHECK ((user_id IS NULL) <> (email IS NULL))
);
CREATE INDEX debate_votes_user ON debate_votes(user_id);

CREATE TABLE debate_articles (
    id INTEGER PRIMARY KEY,
    debate_id INTEGER NOT NULL REFERENCES debates(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    url TEXT NOT NULL,
    published_on TEXT,
    image TEXT,
    image_alt TEXT NOT NULL DEFAULT '',
    position BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX debate_articles_debate ON debate_articles(debate_id, position);

CREATE TABLE arguments (
    id INTEGER PRIMARY KEY,
    opinion_id INTEGER REFERENCES opinions(id) ON DELETE CASCADE,
    debate_id INTEGER REFERENCES debates(id) ON DELETE CASCADE,
    side TEXT NOT NULL CHECK (side IN ('for', 'against')),
    body TEXT NOT NULL,
    author_id INTEGER REFERENCES users(id),
    -- Anonymous debate arguments: the address the confirmation link went to.
    author_email TEXT,
    confirm_token_hash TEXT UNIQUE,
    published BOOLEAN NOT NULL DEFAULT TRUE,
    hidden_reason TEXT,
    vote_count BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((opinion_id IS NULL) <> (debate_id IS NULL)),
    CHECK ((author_id IS NULL) <> (author_email IS NULL))
);
CREATE INDEX arguments_opinion ON arguments(opinion_id, side);
CREATE INDEX arguments_debate ON arguments(debate_id, side);
CREATE INDEX arguments_author ON arguments(author_id);

CREATE TABLE argument_votes (
    argument_id INTEGER NOT NULL REFERENCES arguments(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (argument_id, user_id)
);
CREATE INDEX argument_votes_user ON argument_votes(user_id);

CREATE TABLE source_categories (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    position BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    opinion_id INTEGER NOT NULL REFERENCES opinions(id) ON DELETE CASCADE,
    category_id INTEGER REFERENCES source_categories(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    url TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    author_id INTEGER NOT NULL REFERENCES users(id),
    published BOOLEAN NOT NULL DEFAULT TRUE,
    hidden_reason TEXT,
    vote_count BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX sources_opinion ON sources(opinion_id);
CREATE INDEX sources_author ON sources(author_id);

CREATE TABLE source_votes (
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (source_id, user_id)
);
CREATE INDEX source_votes_user ON source_votes(user_id);

-- The synthesis of a consultation step: a tree of groups, each holding
-- contributions, amendments and arguments; every item at most once per step.
CREATE TABLE syntheses (
    step_id INTEGER PRIMARY KEY REFERENCES steps(id) ON DELETE CASCADE,
    published_at TEXT,
    updated_at TEXT NOT NULL
);

CREATE TABLE synthesis_groups (
    id INTEGER PRIMARY KEY,
    step_id INTEGER NOT NULL REFERENCES syntheses(step_id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES synthesis_groups(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    position BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX synthesis_groups_step ON synthesis_groups(step_id, parent_id, position);

CREATE TABLE synthesis_items (
    step_id INTEGER NOT NULL REFERENCES syntheses(step_id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('opinion', 'argument')),
    item_id INTEGER NOT NULL,
    group_id INTEGER NOT NULL REFERENCES synthesis_groups(id) ON DELETE CASCADE,
    PRIMARY KEY (step_id, kind, item_id)
);
CREATE INDEX synthesis_items_group ON synthesis_items(group_id);

-- Reports and the moderation log now cover opinions (contributions,
-- articles, amendments), arguments and sources. SQLite cannot alter a CHECK
-- constraint: the two tables are rebuilt with their rows.
CREATE TABLE reports_new (
    id INTEGER PRIMARY KEY,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('proposal', 'comment', 'opinion', 'argument', 'source')),
    target_id BIGINT NOT NULL,
    reporter_id INTEGER NOT NULL REFERENCES users(id),
    reason TEXT NOT NULL CHECK (reason IN ('spam', 'offensive', 'off_topic', 'personal_data', 'other')),
    details TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    resolved_at TEXT
);
INSERT INTO reports_new (id, target_kind, target_id, reporter_id, reason, details, created_at, resolved_at)
    SELECT id, target_kind, target_id, reporter_id, reason, details, created_at, resolved_at FROM reports;
DROP TABLE reports;
ALTER TABLE reports_new RENAME TO reports;
CREATE INDEX reports_open ON reports(resolved_at, target_kind, target_id);

CREATE TABLE moderation_log_new (
    id INTEGER PRIMARY KEY,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('proposal', 'comment', 'opinion', 'argument', 'source')),
    target_id BIGINT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('hidden', 'restored')),
    reason TEXT NOT NULL,
    moderator_id INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL
);
INSERT INTO moderation_log_new (id, target_kind, target_id, action, reason, moderator_id, created_at)
    SELECT id, target_kind, target_id, action, reason, moderator_id, created_at FROM moderation_log;
DROP TABLE moderation_log;
ALTER TABLE moderation_log_new RENAME TO moderation_log;
