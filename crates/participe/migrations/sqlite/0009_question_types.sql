-- no-transaction
-- The form engine's new question types and options (SQLite). Keep in step
-- with ../postgres/0009_question_types.sql.
--
-- SQLite cannot change a CHECK constraint in place: the table is rebuilt as
-- its documentation describes (foreign keys off, copy, drop, rename, check),
-- in one transaction. The script may run again safely.
PRAGMA foreign_keys = OFF;
BEGIN;
DROP TABLE IF EXISTS form_questions_new;
CREATE TABLE form_questions_new (
    id INTEGER PRIMARY KEY,
    form_id INTEGER NOT NULL REFERENCES forms(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('short_text', 'long_text', 'rich_text', 'number', 'single_choice',
        'multiple_choice', 'ranking', 'majority', 'yes_no', 'file', 'siret', 'rna', 'section')),
    label TEXT NOT NULL,
    help TEXT NOT NULL DEFAULT '',
    required BOOLEAN NOT NULL DEFAULT FALSE,
    min_value BIGINT,
    max_value BIGINT,
    -- One choice per line: "title | description | #colour".
    choices TEXT NOT NULL DEFAULT '',
    allow_other BOOLEAN NOT NULL DEFAULT FALSE,
    description TEXT NOT NULL DEFAULT '',
    -- Answers visible to staff only.
    private BOOLEAN NOT NULL DEFAULT FALSE,
    display TEXT NOT NULL DEFAULT 'radio' CHECK (display IN ('radio', 'select', 'buttons')),
    random_order BOOLEAN NOT NULL DEFAULT FALSE,
    level BIGINT NOT NULL DEFAULT 1 CHECK (level BETWEEN 1 AND 3),
    -- Logic jumps as JSON (domain form_logic::Logic); empty for none.
    logic TEXT NOT NULL DEFAULT '',
    UNIQUE (form_id, position)
);
INSERT INTO form_questions_new (id, form_id, position, kind, label, help, required, min_value, max_value, choices,
    allow_other)
SELECT id, form_id, position, kind, label, help, required, min_value, max_value, choices, allow_other
FROM form_questions;
DROP TABLE form_questions;
ALTER TABLE form_questions_new RENAME TO form_questions;
COMMIT;
PRAGMA foreign_keys = ON;
