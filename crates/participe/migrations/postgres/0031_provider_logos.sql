-- A single sign-on provider's logo, shown on its log-in button (PostgreSQL).
-- Keep in step with ../sqlite/0031_provider_logos.sql.
--
-- The stored upload's name (a small PNG made from the image sent, named
-- "sso-…" so that shield mode lets it through to the log-in page).

ALTER TABLE sso_providers ADD COLUMN logo_path TEXT;
