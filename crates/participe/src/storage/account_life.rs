//! Inactive accounts: log-ins recorded, the accounts the daily sweep looks
//! at, reminders sent, and the claim that makes the sweep run once a day
//! across all servers.

use chrono::{DateTime, Utc};

use super::{Db, StoreResult, now};
use crate::on_db;

/// Claims `task` for `day` (`YYYY-MM-DD`): true for the one server whose
/// insert made the day's row; false for every other, and for later calls.
pub async fn claim_daily(db: &Db, task: &str, day: &str) -> StoreResult<bool> {
    let n = on_db!(db, |p| sqlx::query(
        "INSERT INTO daily_runs (task, day, started_at) VALUES ($1, $2, $3) ON CONFLICT (task, day) DO NOTHING"
    )
    .bind(task)
    .bind(day)
    .bind(now())
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// A log-in: the account is active again, any reminder forgotten.
pub async fn touch_login(db: &Db, user_id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "UPDATE users SET last_login_at = $2, inactivity_reminded_at = NULL WHERE id = $1"
    )
    .bind(user_id)
    .bind(now())
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// An account the sweep looks at.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Candidate {
    pub id: i64,
    pub email: Option<String>,
    pub locale: String,
    pub role: String,
    pub last_active: DateTime<Utc>,
    pub reminded_at: Option<DateTime<Utc>>,
}

/// Live accounts whose last log-in (or creation) is before `before`.
pub async fn inactive_since(db: &Db, before: DateTime<Utc>) -> StoreResult<Vec<Candidate>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT id, email, locale, role, COALESCE(last_login_at, created_at) AS last_active,
                inactivity_reminded_at AS reminded_at
         FROM users WHERE deleted_at IS NULL AND COALESCE(last_login_at, created_at) <= $1
         ORDER BY id"
    )
    .bind(before)
    .fetch_all(p)
    .await)?)
}

pub async fn mark_reminded(db: &Db, user_id: i64, at: DateTime<Utc>) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "UPDATE users SET inactivity_reminded_at = $2 WHERE id = $1"
    )
    .bind(user_id)
    .bind(at)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}
