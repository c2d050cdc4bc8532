//! Newsletter sign-ups: an address counts once its owner followed the link
//! sent to it; the same token lets them leave.

use chrono::{DateTime, Utc};

use super::{Db, StoreResult, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Subscriber {
    pub email: String,
    pub lang: String,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// Records a sign-up (or finds the address's): its token, and whether it is
/// already confirmed.
pub async fn sign_up(db: &Db, email: &str, lang: &str, token: &str) -> StoreResult<(String, bool)> {
    Ok(on_db!(db, |p| {
        async {
            sqlx::query(
                "INSERT INTO newsletter_subscribers (email, lang, token, created_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (email) DO NOTHING",
            )
            .bind(email)
            .bind(lang)
            .bind(token)
            .bind(now())
            .execute(p)
            .await?;
            sqlx::query_as::<_, (String, bool)>(
                "SELECT token, confirmed_at IS NOT NULL FROM newsletter_subscribers WHERE email = $1",
            )
            .bind(email)
            .fetch_one(p)
            .await
        }
        .await
    })?)
}

/// Confirms the sign-up of `token`; false when no sign-up has it.
pub async fn confirm(db: &Db, token: &str) -> StoreResult<bool> {
    let n = on_db!(db, |p| sqlx::query(
        "UPDATE newsletter_subscribers SET confirmed_at = COALESCE(confirmed_at, $2) WHERE token = $1"
    )
    .bind(token)
    .bind(now())
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// Forgets the address of `token`; false when no sign-up has it.
pub async fn leave(db: &Db, token: &str) -> StoreResult<bool> {
    let n = on_db!(db, |p| sqlx::query(
        "DELETE FROM newsletter_subscribers WHERE token = $1"
    )
    .bind(token)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// Every sign-up, confirmed ones first, oldest first.
pub async fn all(db: &Db) -> StoreResult<Vec<Subscriber>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT email, lang, confirmed_at, created_at FROM newsletter_subscribers
         ORDER BY confirmed_at IS NULL, confirmed_at, created_at, id"
    )
    .fetch_all(p)
    .await)?)
}
