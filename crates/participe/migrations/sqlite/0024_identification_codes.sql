-- Identification codes of vote steps (SQLite). Keep in step with
-- ../postgres/0024_identification_codes.sql.
--
-- Single-use codes sent to voters (participe_domain::id_codes), stored as
-- SHA-256 hashes. A code is used once: by a voter online (used_by) or by a
-- mediator entering a paper ballot (paper_entered_by); used_at says when,
-- and stays when either account is deleted.

CREATE TABLE identification_codes (
    id INTEGER PRIMARY KEY,
    step_id INTEGER NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at TEXT,
    used_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    paper_entered_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    on_paper BOOLEAN NOT NULL DEFAULT FALSE,
    -- The paper ballot it came with (deleting that ballot frees the code).
    ballot_id INTEGER REFERENCES ballots(id) ON DELETE SET NULL,
    UNIQUE (step_id, code_hash)
);
CREATE INDEX identification_codes_voter ON identification_codes(step_id, used_by);

ALTER TABLE vote_settings ADD COLUMN req_id_code BOOLEAN NOT NULL DEFAULT FALSE;
