-- Single sign-on through OpenID Connect providers (SQLite). Keep in step
-- with ../postgres/0022_sso.sql.
--
-- Client secrets are not here: they live in the configuration
-- (participe_domain::sso::secret_variable).

CREATE TABLE sso_providers (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT 'oidc',
    label TEXT NOT NULL,
    issuer TEXT NOT NULL,
    client_id TEXT NOT NULL,
    scopes TEXT NOT NULL,
    name_claim TEXT NOT NULL DEFAULT 'name',
    staff_only BOOLEAN NOT NULL DEFAULT FALSE,
    grant_role TEXT,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TEXT NOT NULL
);

-- A person as a provider knows them (its `sub`), linked to one account.
CREATE TABLE sso_identities (
    provider_id INTEGER NOT NULL REFERENCES sso_providers(id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    last_login_at TEXT,
    PRIMARY KEY (provider_id, subject)
);
CREATE INDEX sso_identities_user ON sso_identities(user_id);

-- Log-ins under way: one row per authorisation request, found by the hash
-- of its `state` and removed when the provider sends the person back (so a
-- callback cannot be replayed).
CREATE TABLE sso_requests (
    state_hash TEXT PRIMARY KEY,
    provider_id INTEGER NOT NULL REFERENCES sso_providers(id) ON DELETE CASCADE,
    nonce TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    next TEXT NOT NULL DEFAULT '/',
    link_user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    expires_at TEXT NOT NULL
);

-- A session opened through a provider keeps its ID token, for the
-- provider's logout.
ALTER TABLE sessions ADD COLUMN sso_provider_id INTEGER REFERENCES sso_providers(id) ON DELETE SET NULL;
ALTER TABLE sessions ADD COLUMN id_token TEXT;
