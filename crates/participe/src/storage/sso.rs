//! Single sign-on: providers, the identities they vouch for, log-ins under
//! way (single use), and what a session opened through a provider keeps.

use chrono::{DateTime, Utc};
use participe_domain::Role;
use participe_domain::sso::{Kind, ProviderInput};

use super::{Db, StoreResult, WriteTx, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Provider {
    pub id: i64,
    pub slug: String,
    pub kind: String,
    pub label: String,
    pub issuer: String,
    pub client_id: String,
    pub scopes: String,
    pub name_claim: String,
    pub staff_only: bool,
    pub grant_role: Option<String>,
    pub enabled: bool,
    pub created_at: DateTime<Utc>,
    pub verifies_identity: bool,
    pub acr_values: Option<String>,
    /// The group everyone logging in through it joins.
    pub grant_group_id: Option<i64>,
    /// A SAML provider's metadata (XML).
    #[serde(skip)]
    pub saml_metadata: Option<String>,
    /// The stored name of the logo on its button (`files::is_logo_name`).
    pub logo_path: Option<String>,
}

impl Provider {
    pub fn kind(&self) -> Kind {
        Kind::parse(&self.kind).unwrap_or(Kind::Oidc)
    }

    pub fn grant_role(&self) -> Option<Role> {
        self.grant_role.as_deref().and_then(|r| Role::parse(r).ok())
    }
}

const SELECT: &str = "SELECT id, slug, kind, label, issuer, client_id, scopes, name_claim, staff_only, grant_role,
     enabled, created_at, verifies_identity, acr_values, grant_group_id, saml_metadata, logo_path
     FROM sso_providers";

pub async fn list(db: &Db) -> StoreResult<Vec<Provider>> {
    let sql = format!("{SELECT} ORDER BY label, id");
    Ok(on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .fetch_all(p)
        .await)?)
}

/// The providers offered to people (enabled), in the list's order.
pub async fn enabled(db: &Db) -> StoreResult<Vec<Provider>> {
    let sql = format!("{SELECT} WHERE enabled = TRUE ORDER BY label, id");
    Ok(on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .fetch_all(p)
        .await)?)
}

pub async fn by_id(db: &Db, id: i64) -> StoreResult<Option<Provider>> {
    let sql = format!("{SELECT} WHERE id = $1");
    Ok(on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

/// Sets (or removes) a provider's logo; returns the one it replaces, for
/// the caller to delete.
pub async fn set_logo(db: &Db, id: i64, logo: Option<&str>) -> StoreResult<Option<String>> {
    let old = by_id(db, id).await?.and_then(|p| p.logo_path);
    on_db!(db, |p| sqlx::query(
        "UPDATE sso_providers SET logo_path = $2 WHERE id = $1"
    )
    .bind(id)
    .bind(logo)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(old)
}

pub async fn by_slug(db: &Db, slug: &str) -> StoreResult<Option<Provider>> {
    let sql = format!("{SELECT} WHERE slug = $1");
    Ok(on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(slug)
        .fetch_optional(p)
        .await)?)
}

/// Binds a provider's thirteen settings, in the order of its columns.
macro_rules! bind_input {
    ($query:expr, $input:expr) => {
        $query
            .bind(&$input.slug)
            .bind($input.kind.as_str())
            .bind(&$input.label)
            .bind(&$input.issuer)
            .bind(&$input.client_id)
            .bind(&$input.scopes)
            .bind(&$input.name_claim)
            .bind($input.staff_only)
            .bind($input.grant_role.map(Role::as_str))
            .bind($input.enabled)
            .bind($input.verifies_identity)
            .bind(&$input.acr_values)
            .bind($input.grant_group)
    };
}

/// Creates a provider; a taken slug gives `StoreError::Conflict`.
pub async fn create(db: &Db, input: &ProviderInput) -> StoreResult<i64> {
    Ok(on_db!(db, |p| bind_input!(sqlx::query_scalar(
        "INSERT INTO sso_providers (slug, kind, label, issuer, client_id, scopes, name_claim, staff_only, grant_role,
             enabled, verifies_identity, acr_values, grant_group_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id"
    ), input)
    .bind(now())
    .fetch_one(p)
    .await)?)
}

/// Saves a provider's settings; false when it does not exist.
pub async fn update(db: &Db, id: i64, input: &ProviderInput) -> StoreResult<bool> {
    let n = on_db!(db, |p| bind_input!(
        sqlx::query(
            "UPDATE sso_providers SET slug = $2, kind = $3, label = $4, issuer = $5, client_id = $6, scopes = $7,
                 name_claim = $8, staff_only = $9, grant_role = $10, enabled = $11, verifies_identity = $12,
                 acr_values = $13, grant_group_id = $14
             WHERE id = $1"
        )
        .bind(id),
        input
    )
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Keeps a SAML provider's metadata.
pub async fn set_saml_metadata(db: &Db, id: i64, xml: &str) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "UPDATE sso_providers SET saml_metadata = $2 WHERE id = $1"
    )
    .bind(id)
    .bind(xml)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// Removes a provider with its identities (their accounts stay).
pub async fn delete(db: &Db, id: i64) -> StoreResult<bool> {
    let n = on_db!(db, |p| sqlx::query("DELETE FROM sso_providers WHERE id = $1")
        .bind(id)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// How many accounts each provider has linked, by provider id.
pub async fn identity_counts(db: &Db) -> StoreResult<Vec<(i64, i64)>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT provider_id, COUNT(*) FROM sso_identities GROUP BY provider_id"
    )
    .fetch_all(p)
    .await)?)
}

/// A log-in under way, as stored when the person leaves for the provider.
pub struct NewRequest<'a> {
    pub state_hash: &'a str,
    pub provider_id: i64,
    pub nonce: &'a str,
    pub pkce_verifier: &'a str,
    pub next: &'a str,
    pub link_user_id: Option<i64>,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Request {
    pub provider_id: i64,
    pub nonce: String,
    pub pkce_verifier: String,
    pub next: String,
    pub link_user_id: Option<i64>,
}

/// Stores a log-in under way, and forgets those that expired.
pub async fn start_request(db: &Db, r: &NewRequest<'_>) -> StoreResult<()> {
    on_db!(db, |p| async {
        sqlx::query("DELETE FROM sso_requests WHERE expires_at < $1")
            .bind(now())
            .execute(p)
            .await?;
        sqlx::query(
            "INSERT INTO sso_requests (state_hash, provider_id, nonce, pkce_verifier, next, link_user_id, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(r.state_hash)
        .bind(r.provider_id)
        .bind(r.nonce)
        .bind(r.pkce_verifier)
        .bind(r.next)
        .bind(r.link_user_id)
        .bind(r.expires_at)
        .execute(p)
        .await
        .map(|_| ())
    }
    .await)?;
    Ok(())
}

/// Takes (removes and returns) the live log-in with this state hash: a
/// second callback with the same state finds nothing.
pub async fn take_request(db: &Db, state_hash: &str) -> StoreResult<Option<Request>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "DELETE FROM sso_requests WHERE state_hash = $1 AND expires_at > $2
         RETURNING provider_id, nonce, pkce_verifier, next, link_user_id"
    )
    .bind(state_hash)
    .bind(now())
    .fetch_optional(p)
    .await)?)
}

/// The account a provider's subject is linked to.
pub async fn identity_user(db: &Db, provider_id: i64, subject: &str) -> StoreResult<Option<i64>> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT user_id FROM sso_identities WHERE provider_id = $1 AND subject = $2"
    )
    .bind(provider_id)
    .bind(subject)
    .fetch_optional(p)
    .await)?)
}

/// Links a provider's subject to an account (`$1`, `$2`, `$3`, at `$4`).
const LINK: &str =
    "INSERT INTO sso_identities (provider_id, subject, user_id, created_at, last_login_at) VALUES ($1, $2, $3, $4, $4)";

/// Links a subject to an account; a subject already linked gives `Conflict`.
pub async fn link(db: &Db, provider_id: i64, subject: &str, user_id: i64) -> StoreResult<()> {
    on_db!(db, |p| {
        sqlx::query(LINK)
            .bind(provider_id)
            .bind(subject)
            .bind(user_id)
            .bind(now())
            .execute(p)
            .await
            .map(|_| ())
    })?;
    Ok(())
}

pub async fn touch_identity(db: &Db, provider_id: i64, subject: &str) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "UPDATE sso_identities SET last_login_at = $3 WHERE provider_id = $1 AND subject = $2"
    )
    .bind(provider_id)
    .bind(subject)
    .bind(now())
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// The providers linked to an account: (provider id, label, linked since).
pub async fn identities_of(db: &Db, user_id: i64) -> StoreResult<Vec<(i64, String, DateTime<Utc>)>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT pr.id, pr.label, i.created_at FROM sso_identities i JOIN sso_providers pr ON pr.id = i.provider_id
         WHERE i.user_id = $1 ORDER BY pr.label"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)?)
}

/// A new account for a person a provider vouches for, linked to them, in
/// one transaction. No password: they sign in through the provider (or
/// set one with a reset link sent to a verified email).
pub struct NewAccount<'a> {
    pub provider_id: i64,
    pub subject: &'a str,
    pub email: Option<&'a str>,
    pub display_name: &'a str,
    pub role: Role,
    pub locale: &'a str,
    pub birth_date: Option<chrono::NaiveDate>,
}

/// Creates the account; a taken email or subject gives `Conflict`.
pub async fn create_account(db: &Db, a: &NewAccount<'_>) -> StoreResult<i64> {
    Ok(on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let now = now();
            let confirmed = a.email.map(|_| now);
            let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (email, display_name, role, locale, email_confirmed_at, terms_accepted_at, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
        )
        .bind(a.email)
        .bind(a.display_name)
        .bind(a.role.as_str())
        .bind(a.locale)
        .bind(confirmed)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
            if let Some(birth) = a.birth_date {
                sqlx::query("UPDATE users SET birth_date = $2 WHERE id = $1")
                    .bind(id)
                    .bind(birth)
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query(LINK)
                .bind(a.provider_id)
                .bind(a.subject)
                .bind(id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok::<i64, sqlx::Error>(id)
        }
        .await
    })?)
}

/// Records that a provider that verifies identities vouched for this
/// account now, with the birth date it certifies (which replaces a declared one).
pub async fn mark_verified(db: &Db, user_id: i64, birth_date: Option<chrono::NaiveDate>) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "UPDATE users SET identity_verified_at = $2, birth_date = COALESCE($3, birth_date) WHERE id = $1"
    )
    .bind(user_id)
    .bind(now())
    .bind(birth_date)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// Marks a session as opened through a provider, with its ID token.
pub async fn mark_session(db: &Db, token_hash: &str, provider_id: i64, id_token: &str) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "UPDATE sessions SET sso_provider_id = $2, id_token = $3 WHERE token_hash = $1"
    )
    .bind(token_hash)
    .bind(provider_id)
    .bind(id_token)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// The provider and ID token of a session opened through one.
pub async fn session_provider(db: &Db, token_hash: &str) -> StoreResult<Option<(i64, String)>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT sso_provider_id, id_token FROM sessions
         WHERE token_hash = $1 AND sso_provider_id IS NOT NULL AND id_token IS NOT NULL"
    )
    .bind(token_hash)
    .fetch_optional(p)
    .await)?)
}
