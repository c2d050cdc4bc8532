//! Single-use proof-of-work challenges (the contact form's anti-bot check).

use chrono::{DateTime, Utc};

use super::{Db, StoreResult};
use crate::on_db;

pub async fn create(db: &Db, nonce: &str, difficulty: i64, expires_at: DateTime<Utc>) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "INSERT INTO pow_challenges (nonce, difficulty, expires_at) VALUES ($1, $2, $3)"
    )
    .bind(nonce)
    .bind(difficulty)
    .bind(expires_at)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// Takes a challenge out (it can be used once): its difficulty, if it
/// existed and had not expired.
pub async fn take(db: &Db, nonce: &str) -> StoreResult<Option<i64>> {
    let row: Option<(i64, DateTime<Utc>)> = on_db!(db, |p| sqlx::query_as(
        "DELETE FROM pow_challenges WHERE nonce = $1 RETURNING difficulty, expires_at"
    )
    .bind(nonce)
    .fetch_optional(p)
    .await)?;
    Ok(row.filter(|(_, exp)| *exp > super::now()).map(|(d, _)| d))
}

/// Forgets expired challenges.
pub async fn purge(db: &Db) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query("DELETE FROM pow_challenges WHERE expires_at < $1")
        .bind(super::now())
        .execute(p)
        .await
        .map(|_| ()))?;
    Ok(())
}
