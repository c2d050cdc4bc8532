-- Questionnaires and votations (SQLite). Keep in step with
-- ../postgres/0010_questionnaires.sql.

-- A questionnaire step's settings; its questions are a form of the form engine.
CREATE TABLE questionnaires (
    step_id INTEGER PRIMARY KEY REFERENCES steps(id) ON DELETE CASCADE,
    form_id INTEGER NOT NULL REFERENCES forms(id),
    -- 'vote': a votation (secret ballot, one per person, receipts).
    kind TEXT NOT NULL DEFAULT 'survey' CHECK (kind IN ('survey', 'vote')),
    intro TEXT NOT NULL DEFAULT '',
    multiple_replies BOOLEAN NOT NULL DEFAULT FALSE,
    anonymous BOOLEAN NOT NULL DEFAULT FALSE,
    drafts BOOLEAN NOT NULL DEFAULT TRUE,
    acknowledge BOOLEAN NOT NULL DEFAULT FALSE,
    results_public BOOLEAN NOT NULL DEFAULT TRUE,
    req_confirmed_email BOOLEAN NOT NULL DEFAULT TRUE,
    req_min_age BIGINT CHECK (req_min_age IS NULL OR req_min_age >= 0),
    req_postal_codes TEXT NOT NULL DEFAULT '',
    results_published_at TEXT
);

-- A reply (or a draft). A votation ballot has no user, no dates, and a
-- random receipt code; who voted is in questionnaire_participants.
CREATE TABLE questionnaire_replies (
    id INTEGER PRIMARY KEY,
    step_id INTEGER NOT NULL REFERENCES questionnaires(step_id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    draft BOOLEAN NOT NULL DEFAULT FALSE,
    channel TEXT NOT NULL DEFAULT 'online' CHECK (channel IN ('online', 'paper')),
    receipt TEXT UNIQUE,
    -- For the staff's filters: the district the respondent chose, their age band.
    district_id INTEGER REFERENCES districts(id) ON DELETE SET NULL,
    age_band TEXT,
    created_at TEXT,
    updated_at TEXT
);
CREATE INDEX questionnaire_replies_step ON questionnaire_replies(step_id, draft);
CREATE INDEX questionnaire_replies_user ON questionnaire_replies(user_id, step_id);

CREATE TABLE reply_answers (
    reply_id INTEGER NOT NULL REFERENCES questionnaire_replies(id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES form_questions(id) ON DELETE CASCADE,
    value TEXT NOT NULL,
    PRIMARY KEY (reply_id, question_id)
);
CREATE INDEX reply_answers_question ON reply_answers(question_id);

-- Who replied, when a person may reply once (a survey without several
-- replies) and who voted in a votation (never which ballot is theirs). The
-- primary key makes a second reply fail even under concurrent requests.
CREATE TABLE questionnaire_participants (
    step_id INTEGER NOT NULL REFERENCES questionnaires(step_id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    replied_on TEXT NOT NULL,
    PRIMARY KEY (step_id, user_id)
);
