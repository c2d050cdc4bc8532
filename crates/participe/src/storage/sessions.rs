//! Server-side sessions. The cookie holds a random token; only its SHA-256
//! hash is stored, so a leaked database does not leak live sessions.

use chrono::{DateTime, Utc};

use super::users::{User, select_users};
use super::{Db, StoreResult};
use crate::on_db;

pub async fn create(
    db: &Db,
    token_hash: &str,
    user_id: i64,
    expires_at: DateTime<Utc>,
    user_agent: &str,
) -> StoreResult<()> {
    on_db!(db, |p| {
        sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at, user_agent) VALUES ($1, $2, $3, $4, $5)")
            .bind(token_hash)
            .bind(user_id)
            .bind(super::now())
            .bind(expires_at)
            .bind(user_agent)
            .execute(p)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// The live (unexpired, not deleted) user behind a session token hash.
pub async fn user(db: &Db, token_hash: &str) -> StoreResult<Option<User>> {
    Ok(on_db!(db, |p| {
        sqlx::query_as(select_users!(
            "WHERE deleted_at IS NULL AND id = (SELECT user_id FROM sessions WHERE token_hash = $1 AND expires_at > $2)"
        ))
        .bind(token_hash)
        .bind(super::now())
        .fetch_optional(p)
        .await
    })?)
}

pub async fn delete(db: &Db, token_hash: &str) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Revokes every session of a user (log out everywhere, password change).
pub async fn delete_for_user(db: &Db, user_id: i64) -> StoreResult<u64> {
    let r = on_db!(db, |p| sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(r)
}

pub async fn count_for_user(db: &Db, user_id: i64) -> StoreResult<i64> {
    Ok(on_db!(db, |p| {
        sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE user_id = $1 AND expires_at > $2")
            .bind(user_id)
            .bind(super::now())
            .fetch_one(p)
            .await
    })?)
}

/// Revokes every session of a user but one (after a password change).
pub async fn delete_others(db: &Db, user_id: i64, keep_hash: &str) -> StoreResult<u64> {
    let r = on_db!(db, |p| {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(user_id)
            .bind(keep_hash)
            .execute(p)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(r)
}
