-- Stronger checks on petition supporters (a verified identity, an
-- identification code of the step, a phone number) and a phone number asked
-- by questionnaires (PostgreSQL). Keep in step with
-- ../sqlite/0030_petition_checks.sql.
--
-- A petition's codes live with the other steps' (identification_codes).

ALTER TABLE petition_settings ADD COLUMN req_verified_identity BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE petition_settings ADD COLUMN req_id_code BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE petition_settings ADD COLUMN req_phone BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE questionnaires ADD COLUMN req_phone BOOLEAN NOT NULL DEFAULT FALSE;
