//! Single-use, expiring tokens sent by email (confirmation, password reset).

use chrono::{DateTime, Utc};

use super::{Db, StoreResult, now};
use crate::on_db;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    ConfirmEmail,
    ResetPassword,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::ConfirmEmail => "confirm_email",
            Purpose::ResetPassword => "reset_password",
        }
    }
}

pub async fn create(
    db: &Db,
    token_hash: &str,
    user_id: i64,
    purpose: Purpose,
    expires_at: DateTime<Utc>,
) -> StoreResult<()> {
    on_db!(db, |p| {
        sqlx::query(
            "INSERT INTO email_tokens (token_hash, user_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(purpose.as_str())
        .bind(now())
        .bind(expires_at)
        .execute(p)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// The user of a valid (unused, unexpired) token, without using it up.
pub async fn peek(db: &Db, token_hash: &str, purpose: Purpose) -> StoreResult<Option<i64>> {
    Ok(on_db!(db, |p| {
        sqlx::query_scalar(
            "SELECT user_id FROM email_tokens WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
        )
        .bind(token_hash)
        .bind(purpose.as_str())
        .bind(now())
        .fetch_optional(p)
        .await
    })?)
}

/// Uses a valid token up, atomically: two concurrent uses cannot both succeed.
pub async fn consume(db: &Db, token_hash: &str, purpose: Purpose) -> StoreResult<Option<i64>> {
    Ok(on_db!(db, |p| {
        sqlx::query_scalar(
            "UPDATE email_tokens SET used_at = $3
             WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 RETURNING user_id",
        )
        .bind(token_hash)
        .bind(purpose.as_str())
        .bind(now())
        .fetch_optional(p)
        .await
    })?)
}
