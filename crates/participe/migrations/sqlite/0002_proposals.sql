-- Proposals (SQLite). Keep in step with ../postgres/0002_proposals.sql.

-- Declared date of birth (for age rules), notification choices and the
-- secret of the one-click unsubscribe link.
ALTER TABLE users ADD COLUMN birth_date TEXT;
ALTER TABLE users ADD COLUMN notify_status BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE users ADD COLUMN notify_answer BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE users ADD COLUMN notify_comment BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE users ADD COLUMN unsubscribe_token TEXT;
CREATE UNIQUE INDEX users_unsubscribe ON users(unsubscribe_token);

-- A form of custom questions (proposal forms now, questionnaires later).
CREATE TABLE forms (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL
);

CREATE TABLE form_questions (
    id INTEGER PRIMARY KEY,
    form_id INTEGER NOT NULL REFERENCES forms(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('short_text', 'long_text', 'number', 'single_choice', 'multiple_choice',
        'yes_no', 'section')),
    label TEXT NOT NULL,
    help TEXT NOT NULL DEFAULT '',
    required BOOLEAN NOT NULL DEFAULT FALSE,
    min_value BIGINT,
    max_value BIGINT,
    choices TEXT NOT NULL DEFAULT '',
    allow_other BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (form_id, position)
);

-- The configuration of a collect step.
CREATE TABLE collect_settings (
    step_id INTEGER PRIMARY KEY REFERENCES steps(id) ON DELETE CASCADE,
    form_id INTEGER NOT NULL REFERENCES forms(id),
    reference_prefix TEXT NOT NULL DEFAULT '',
    max_cost BIGINT CHECK (max_cost IS NULL OR max_cost >= 0),
    min_age BIGINT CHECK (min_age IS NULL OR min_age >= 0),
    max_per_person BIGINT NOT NULL DEFAULT 0 CHECK (max_per_person >= 0)
);

CREATE TABLE collect_fields (
    step_id INTEGER NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
    field TEXT NOT NULL CHECK (field IN ('summary', 'description', 'cost', 'district', 'theme', 'category', 'address',
        'image', 'attachments')),
    mode TEXT NOT NULL CHECK (mode IN ('off', 'optional', 'required')),
    help TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (step_id, field)
);

CREATE TABLE categories (
    id INTEGER PRIMARY KEY,
    step_id INTEGER NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    UNIQUE (step_id, name)
);

-- Statuses shown on proposals, configurable per step.
CREATE TABLE proposal_statuses (
    id INTEGER PRIMARY KEY,
    step_id INTEGER NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    colour TEXT NOT NULL,
    position BIGINT NOT NULL,
    UNIQUE (step_id, name)
);

CREATE TABLE admissibility_reasons (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE proposals (
    id INTEGER PRIMARY KEY,
    step_id INTEGER NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
    number BIGINT,
    author_id INTEGER NOT NULL REFERENCES users(id),
    state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published', 'withdrawn')),
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    cost BIGINT CHECK (cost IS NULL OR cost >= 0),
    district_id INTEGER REFERENCES districts(id) ON DELETE SET NULL,
    theme_id INTEGER REFERENCES themes(id) ON DELETE SET NULL,
    category_id INTEGER REFERENCES categories(id) ON DELETE SET NULL,
    address TEXT NOT NULL DEFAULT '',
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    image_path TEXT,
    status_id INTEGER REFERENCES proposal_statuses(id) ON DELETE SET NULL,
    outcome TEXT CHECK (outcome IN ('admissible', 'not_admissible', 'merged')),
    merged_into_id INTEGER REFERENCES proposals(id),
    hidden_reason TEXT,
    comment_count BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    published_at TEXT,
    UNIQUE (step_id, number),
    CHECK ((outcome = 'merged') = (merged_into_id IS NOT NULL)),
    CHECK (merged_into_id IS NULL OR merged_into_id <> id)
);
CREATE INDEX proposals_list ON proposals(step_id, state, published_at);
CREATE INDEX proposals_author ON proposals(author_id);
CREATE INDEX proposals_district ON proposals(step_id, district_id);
CREATE INDEX proposals_theme ON proposals(step_id, theme_id);
CREATE INDEX proposals_cost ON proposals(step_id, state, cost);
CREATE INDEX proposals_comments ON proposals(step_id, state, comment_count);

CREATE TABLE proposal_answers (
    proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES form_questions(id) ON DELETE CASCADE,
    value TEXT NOT NULL,
    PRIMARY KEY (proposal_id, question_id)
);

CREATE TABLE proposal_attachments (
    id INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    filename TEXT NOT NULL,
    size BIGINT NOT NULL
);

CREATE TABLE comments (
    id INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES comments(id) ON DELETE CASCADE,
    author_id INTEGER NOT NULL REFERENCES users(id),
    body TEXT NOT NULL,
    hidden_reason TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX comments_proposal ON comments(proposal_id, id);

CREATE TABLE follows (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, proposal_id)
);

CREATE TABLE analyses (
    proposal_id INTEGER PRIMARY KEY REFERENCES proposals(id) ON DELETE CASCADE,
    analyst_id INTEGER REFERENCES users(id),
    admissibility TEXT NOT NULL DEFAULT 'pending' CHECK (admissibility IN ('pending', 'admissible', 'not_admissible')),
    reason_id INTEGER REFERENCES admissibility_reasons(id) ON DELETE SET NULL,
    reason_text TEXT NOT NULL DEFAULT '',
    feasibility TEXT NOT NULL DEFAULT '',
    cost_estimate BIGINT,
    delay_months BIGINT,
    updated_at TEXT
);
CREATE INDEX analyses_analyst ON analyses(analyst_id);

CREATE TABLE official_answers (
    proposal_id INTEGER PRIMARY KEY REFERENCES proposals(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    publish_at TEXT NOT NULL,
    published_at TEXT,
    author_id INTEGER REFERENCES users(id),
    updated_at TEXT NOT NULL
);

CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('proposal', 'comment')),
    target_id BIGINT NOT NULL,
    reporter_id INTEGER NOT NULL REFERENCES users(id),
    reason TEXT NOT NULL CHECK (reason IN ('spam', 'offensive', 'off_topic', 'personal_data', 'other')),
    details TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    resolved_at TEXT
);
CREATE INDEX reports_open ON reports(resolved_at, target_kind, target_id);

-- Public: what was hidden or restored, when and why (never by whom on the site).
CREATE TABLE moderation_log (
    id INTEGER PRIMARY KEY,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('proposal', 'comment')),
    target_id BIGINT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('hidden', 'restored')),
    reason TEXT NOT NULL,
    moderator_id INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL
);

-- Single-use proof-of-work challenges for the contact form.
CREATE TABLE pow_challenges (
    nonce TEXT PRIMARY KEY,
    difficulty BIGINT NOT NULL,
    expires_at TEXT NOT NULL
);
