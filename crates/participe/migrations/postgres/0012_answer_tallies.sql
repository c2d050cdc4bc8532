-- Questionnaire answer counts kept as replies arrive (PostgreSQL). Keep in step
-- with ../sqlite/0012_answer_tallies.sql.

-- How many complete replies (or ballots) of a step gave `value` to a
-- question: the unfiltered results read these few rows instead of every
-- answer. Updated in the transaction that stores a reply.
CREATE TABLE answer_tallies (
    step_id BIGINT NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
    question_id BIGINT NOT NULL REFERENCES form_questions(id) ON DELETE CASCADE,
    value TEXT NOT NULL,
    count BIGINT NOT NULL CHECK (count >= 0),
    PRIMARY KEY (step_id, question_id, value)
);

INSERT INTO answer_tallies (step_id, question_id, value, count)
SELECT r.step_id, a.question_id, a.value, COUNT(*)
FROM reply_answers a JOIN questionnaire_replies r ON r.id = a.reply_id
WHERE NOT r.draft
GROUP BY r.step_id, a.question_id, a.value;
