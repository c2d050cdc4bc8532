-- The form engine's new question types and options (PostgreSQL). Keep in
-- step with ../sqlite/0009_question_types.sql.
ALTER TABLE form_questions DROP CONSTRAINT form_questions_kind_check;
ALTER TABLE form_questions ADD CONSTRAINT form_questions_kind_check CHECK (kind IN ('short_text', 'long_text',
    'rich_text', 'number', 'single_choice', 'multiple_choice', 'ranking', 'majority', 'yes_no', 'file', 'siret', 'rna',
    'section'));
ALTER TABLE form_questions ADD COLUMN description TEXT NOT NULL DEFAULT '';
-- Answers visible to staff only.
ALTER TABLE form_questions ADD COLUMN private BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE form_questions ADD COLUMN display TEXT NOT NULL DEFAULT 'radio'
    CHECK (display IN ('radio', 'select', 'buttons'));
ALTER TABLE form_questions ADD COLUMN random_order BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE form_questions ADD COLUMN level BIGINT NOT NULL DEFAULT 1 CHECK (level BETWEEN 1 AND 3);
-- Logic jumps as JSON (domain form_logic::Logic); empty for none.
ALTER TABLE form_questions ADD COLUMN logic TEXT NOT NULL DEFAULT '';
