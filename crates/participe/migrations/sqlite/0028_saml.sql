-- SAML 2.0 identity providers (SQLite). Keep in step with
-- ../postgres/0028_saml.sql.
--
-- A provider of kind 'saml' is known by its metadata (imported from its
-- address, kept in `issuer`, or pasted): the XML is kept here, with its
-- signing certificates, and read again at each log-in.

ALTER TABLE sso_providers ADD COLUMN saml_metadata TEXT;
