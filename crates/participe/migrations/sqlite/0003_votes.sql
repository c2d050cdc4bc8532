-- Votes (SQLite). Keep in step with ../postgres/0003_votes.sql.

-- Declared postal code of residence, for vote steps restricted to some.
ALTER TABLE users ADD COLUMN postal_code TEXT;

-- The configuration of a vote step.
CREATE TABLE vote_settings (
    step_id INTEGER PRIMARY KEY REFERENCES steps(id) ON DELETE CASCADE,
    mode TEXT NOT NULL DEFAULT 'simple' CHECK (mode IN ('simple', 'budget', 'ranking')),
    -- Which proposals are on the ballot: the admissible ones of a collect
    -- step, or a manual selection (vote_candidates).
    source TEXT NOT NULL DEFAULT 'admissible' CHECK (source IN ('admissible', 'manual')),
    source_step_id INTEGER REFERENCES steps(id) ON DELETE SET NULL,
    min_choices BIGINT CHECK (min_choices IS NULL OR min_choices >= 0),
    max_choices BIGINT CHECK (max_choices IS NULL OR max_choices >= 1),
    envelope BIGINT CHECK (envelope IS NULL OR envelope >= 0),
    min_spend_percent BIGINT CHECK (min_spend_percent IS NULL OR min_spend_percent BETWEEN 0 AND 100),
    per_district BOOLEAN NOT NULL DEFAULT FALSE,
    counts_public BOOLEAN NOT NULL DEFAULT FALSE,
    req_confirmed_email BOOLEAN NOT NULL DEFAULT TRUE,
    req_min_age BIGINT CHECK (req_min_age IS NULL OR req_min_age >= 0),
    req_postal_codes TEXT NOT NULL DEFAULT '',
    req_accept_rules BOOLEAN NOT NULL DEFAULT FALSE,
    rules_text TEXT NOT NULL DEFAULT '',
    counting_rule TEXT NOT NULL DEFAULT 'greedy' CHECK (counting_rule IN ('greedy', 'territorial', 'greedy-ratio',
        'mes', 'mes-add1', 'mes-add1-greedy', 'mes-greedy', 'phragmen')),
    territorial_k BIGINT NOT NULL DEFAULT 1 CHECK (territorial_k >= 0),
    results_published_at TEXT
);

CREATE TABLE vote_candidates (
    step_id INTEGER NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
    proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    PRIMARY KEY (step_id, proposal_id)
);

-- One envelope per district, when the vote has them.
CREATE TABLE vote_envelopes (
    step_id INTEGER NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
    district_id INTEGER NOT NULL REFERENCES districts(id) ON DELETE CASCADE,
    amount BIGINT NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (step_id, district_id)
);

-- People who enter paper ballots for a step.
CREATE TABLE vote_mediators (
    step_id INTEGER NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (step_id, user_id)
);

CREATE TABLE vote_acceptances (
    step_id INTEGER NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    accepted_at TEXT NOT NULL,
    PRIMARY KEY (step_id, user_id)
);

-- A ballot. `envelope` is the district of a per-district envelope, 0
-- otherwise, so that one voter has at most one ballot per step and envelope
-- (paper ballots have no voter). `complete` is false while a ballot is
-- below the minimum: kept, not counted.
CREATE TABLE ballots (
    id INTEGER PRIMARY KEY,
    step_id INTEGER NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
    envelope BIGINT NOT NULL DEFAULT 0,
    voter_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    channel TEXT NOT NULL CHECK (channel IN ('online', 'paper')),
    code TEXT NOT NULL UNIQUE,
    pseudonym TEXT NOT NULL UNIQUE,
    complete BOOLEAN NOT NULL,
    voter_district_id INTEGER REFERENCES districts(id) ON DELETE SET NULL,
    voter_age_band TEXT,
    entered_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (step_id, voter_id, envelope),
    CHECK (channel = 'online' OR voter_id IS NULL)
);
CREATE INDEX ballots_step ON ballots(step_id, channel, complete);

CREATE TABLE ballot_choices (
    ballot_id INTEGER NOT NULL REFERENCES ballots(id) ON DELETE CASCADE,
    proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    rank BIGINT NOT NULL CHECK (rank >= 1),
    PRIMARY KEY (ballot_id, proposal_id),
    UNIQUE (ballot_id, rank)
);
CREATE INDEX ballot_choices_proposal ON ballot_choices(proposal_id);

-- Paper votes counted by hand, per proposal (simple votes only).
CREATE TABLE paper_tallies (
    step_id INTEGER NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
    proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    votes BIGINT NOT NULL CHECK (votes >= 0),
    voters BIGINT NOT NULL DEFAULT 0 CHECK (voters >= 0),
    entered_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (step_id, proposal_id)
);

-- Results frozen when a manager publishes them.
CREATE TABLE vote_results (
    step_id INTEGER NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
    proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    online BIGINT NOT NULL,
    paper BIGINT NOT NULL,
    selected BOOLEAN NOT NULL,
    selection_order BIGINT,
    PRIMARY KEY (step_id, proposal_id)
);

-- Citizen juries drawn by lot among a step's voters.
CREATE TABLE juries (
    id INTEGER PRIMARY KEY,
    step_id INTEGER NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
    seed TEXT NOT NULL,
    size BIGINT NOT NULL CHECK (size >= 1),
    stratified BOOLEAN NOT NULL,
    drawn_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    drawn_at TEXT NOT NULL
);

CREATE TABLE jury_members (
    jury_id INTEGER NOT NULL REFERENCES juries(id) ON DELETE CASCADE,
    pseudonym TEXT NOT NULL,
    PRIMARY KEY (jury_id, pseudonym)
);
