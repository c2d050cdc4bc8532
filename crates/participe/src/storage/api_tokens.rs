//! API tokens for staff integrations: stored as SHA-256 hashes, scoped
//! (read-private or write), revocable.

use chrono::{DateTime, Utc};

use super::{Db, StoreResult, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ApiToken {
    pub id: i64,
    pub name: String,
    pub scope: String,
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

pub async fn create(db: &Db, name: &str, token_hash: &str, scope: &str, by: i64) -> StoreResult<i64> {
    Ok(on_db!(db, |p| {
        sqlx::query_scalar(
        "INSERT INTO api_tokens (name, token_hash, scope, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id"
    )
    .bind(name)
    .bind(token_hash)
    .bind(scope)
    .bind(by)
    .bind(now())
    .fetch_one(p)
    .await
    })?)
}

pub async fn list(db: &Db) -> StoreResult<Vec<ApiToken>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT t.id, t.name, t.scope, u.display_name AS created_by_name, t.created_at, t.last_used_at, t.revoked_at
         FROM api_tokens t LEFT JOIN users u ON u.id = t.created_by ORDER BY t.id DESC"
    )
    .fetch_all(p)
    .await)?)
}

/// The (id, scope) of a live token with this hash; marks it used.
pub async fn check(db: &Db, token_hash: &str) -> StoreResult<Option<(i64, String)>> {
    let found: Option<(i64, String)> = on_db!(db, |p| sqlx::query_as(
        "SELECT id, scope FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL"
    )
    .bind(token_hash)
    .fetch_optional(p)
    .await)?;
    if let Some((id, _)) = &found {
        on_db!(db, |p| sqlx::query(
            "UPDATE api_tokens SET last_used_at = $2 WHERE id = $1"
        )
        .bind(id)
        .bind(now())
        .execute(p)
        .await
        .map(|_| ()))?;
    }
    Ok(found)
}

pub async fn revoke(db: &Db, id: i64) -> StoreResult<bool> {
    let n = on_db!(db, |p| sqlx::query(
        "UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL"
    )
    .bind(id)
    .bind(now())
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// A token's name and the account that created it (None once erased):
/// official answers are signed by it, the action log names both.
pub async fn name_and_creator(db: &Db, id: i64) -> StoreResult<Option<(String, Option<i64>)>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT name, created_by FROM api_tokens WHERE id = $1"
    )
    .bind(id)
    .fetch_optional(p)
    .await)?)
}
