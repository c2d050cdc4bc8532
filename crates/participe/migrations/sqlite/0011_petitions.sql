-- Petitions (SQLite). Keep in step with ../postgres/0011_petitions.sql.

-- A collect step in "support" mode: people support proposals; reaching the
-- threshold obliges an answer within answer_days; below it, proposals are
-- archived archive_days after their publication (never when NULL).
CREATE TABLE petition_settings (
    step_id INTEGER PRIMARY KEY REFERENCES steps(id) ON DELETE CASCADE,
    threshold BIGINT NOT NULL CHECK (threshold > 0),
    answer_days BIGINT NOT NULL CHECK (answer_days > 0),
    archive_days BIGINT CHECK (archive_days IS NULL OR archive_days > 0)
);

-- One support per person and proposal; proposals.support_count counts them.
CREATE TABLE supports (
    proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (proposal_id, user_id)
);
CREATE INDEX supports_user ON supports(user_id);

ALTER TABLE proposals ADD COLUMN support_count BIGINT NOT NULL DEFAULT 0;
-- Set once, by the support that reaches the threshold.
ALTER TABLE proposals ADD COLUMN threshold_reached_at TEXT;
ALTER TABLE proposals ADD COLUMN answer_due_at TEXT;
-- Set once, by the scheduler of whichever server gets there first.
ALTER TABLE proposals ADD COLUMN archived_at TEXT;
CREATE INDEX proposals_supports ON proposals(step_id, state, support_count);
