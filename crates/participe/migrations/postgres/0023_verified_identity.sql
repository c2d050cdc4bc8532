-- Identities verified by a provider (PostgreSQL). Keep in step with
-- ../sqlite/0023_verified_identity.sql.
--
-- A provider may vouch for who people are (FranceConnect does); a log-in
-- through it marks the account verified, with the birth date it certifies.
-- Vote steps and questionnaires may then require a verified identity.

ALTER TABLE sso_providers ADD COLUMN verifies_identity BOOLEAN NOT NULL DEFAULT FALSE;
-- Sent as `acr_values` with each authorisation request (none: not sent).
ALTER TABLE sso_providers ADD COLUMN acr_values TEXT;
UPDATE sso_providers SET verifies_identity = TRUE, acr_values = 'eidas1' WHERE kind <> 'oidc';

ALTER TABLE users ADD COLUMN identity_verified_at TIMESTAMPTZ;

ALTER TABLE vote_settings ADD COLUMN req_verified_identity BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE questionnaires ADD COLUMN req_verified_identity BOOLEAN NOT NULL DEFAULT FALSE;
