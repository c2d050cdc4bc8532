-- Questionnaire answer counts kept as replies arrive (PostgreSQL). Keep in step
-- with ../sqlite/0012_answer_tallies.sql.

-- How many complete replies (or ballots) of a step gave `value` to a
-- question: the unfiltered results read these few rows instead of every
-- answer. Updated in the transaction that stores a reply, on PostgreSQL in one of 16
-- shards (the reply's id modulo 16) so that concurrent replies seldom wait
-- on the same row (SQLite, one writer at a time, uses shard 0); readers add them up.
CREATE TABLE answer_tallies (
    step_id BIGINT NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
    question_id BIGINT NOT NULL REFERENCES form_questions(id) ON DELETE CASCADE,
    value TEXT NOT NULL,
    shard BIGINT NOT NULL CHECK (shard BETWEEN 0 AND 15),
    count BIGINT NOT NULL CHECK (count >= 0),
    PRIMARY KEY (step_id, question_id, value, shard)
);

INSERT INTO answer_tallies (step_id, question_id, value, shard, count)
SELECT r.step_id, a.question_id, a.value, 0, COUNT(*)
FROM reply_answers a JOIN questionnaire_replies r ON r.id = a.reply_id
WHERE NOT r.draft
GROUP BY r.step_id, a.question_id, a.value;
