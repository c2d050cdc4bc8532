-- A phone number as a vote requirement, and identification codes for
-- questionnaires and votations (SQLite). Keep in step with
-- ../postgres/0029_phone_and_questionnaire_codes.sql.
--
-- Only its format is checked (participe_domain::phone, E.164); nothing is
-- sent to it. Kept on the account, erased with it. The codes of a
-- questionnaire step live with the vote steps' (identification_codes).

ALTER TABLE users ADD COLUMN phone TEXT;
ALTER TABLE vote_settings ADD COLUMN req_phone BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE questionnaires ADD COLUMN req_id_code BOOLEAN NOT NULL DEFAULT FALSE;
