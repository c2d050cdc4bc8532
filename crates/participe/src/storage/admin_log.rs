//! The administrators' action log: one row per staff change (who, what,
//! when, from where), kept for a configured time.

use chrono::{DateTime, Utc};

use super::{Db, StoreResult, now};
use crate::on_db;

/// An action as recorded.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Action {
    pub id: i64,
    pub user_id: Option<i64>,
    /// The person's name and email as they were then.
    pub user_label: String,
    pub role: String,
    pub method: String,
    pub path: String,
    pub route: String,
    pub status: i64,
    pub ip: String,
    pub created_at: DateTime<Utc>,
}

/// What a new entry records (its time is now).
pub struct NewAction<'a> {
    /// None for an API token whose creator's account is gone.
    pub user_id: Option<i64>,
    pub user_label: &'a str,
    pub role: &'a str,
    pub method: &'a str,
    pub path: &'a str,
    pub route: &'a str,
    pub status: i64,
    pub ip: &'a str,
}

pub async fn record(db: &Db, a: &NewAction<'_>) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "INSERT INTO admin_actions (user_id, user_label, role, method, path, route, status, ip, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    )
    .bind(a.user_id)
    .bind(a.user_label)
    .bind(a.role)
    .bind(a.method)
    .bind(a.path)
    .bind(a.route)
    .bind(a.status)
    .bind(a.ip)
    .bind(now())
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

const COLUMNS: &str = "SELECT id, user_id, user_label, role, method, path, route, status, ip, created_at ";

/// Entries whose person or address contains `q` (any case; empty: all).
const MATCHING: &str = "FROM admin_actions
     WHERE $1 = '' OR LOWER(user_label) LIKE '%' || LOWER($1) || '%' OR LOWER(path) LIKE '%' || LOWER($1) || '%'";

pub async fn count(db: &Db, q: &str) -> StoreResult<i64> {
    let sql = format!("SELECT COUNT(*) {MATCHING}");
    Ok(on_db!(db, |p| sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(q)
        .fetch_one(p)
        .await)?)
}

/// A page of matching entries, newest first.
pub async fn page(db: &Db, q: &str, limit: i64, offset: i64) -> StoreResult<Vec<Action>> {
    let sql = format!("{COLUMNS}{MATCHING} ORDER BY id DESC LIMIT $2 OFFSET $3");
    Ok(on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(q)
        .bind(limit)
        .bind(offset)
        .fetch_all(p)
        .await)?)
}

/// Every matching entry, oldest first (the export).
pub async fn all(db: &Db, q: &str) -> StoreResult<Vec<Action>> {
    let sql = format!("{COLUMNS}{MATCHING} ORDER BY id");
    Ok(on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(q)
        .fetch_all(p)
        .await)?)
}

/// Deletes the entries older than `before`; returns how many.
pub async fn purge(db: &Db, before: DateTime<Utc>) -> StoreResult<u64> {
    Ok(on_db!(db, |p| sqlx::query(
        "DELETE FROM admin_actions WHERE created_at < $1"
    )
    .bind(before)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?)
}
