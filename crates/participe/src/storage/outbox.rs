//! The email outbox: every email is stored here first, then sent by the
//! mailer when SMTP is configured. Administrators can read it.

use chrono::{DateTime, Utc};

use super::{Db, StoreResult, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Email {
    pub id: i64,
    pub to_address: String,
    pub subject: String,
    pub body_text: String,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub attempts: i64,
    pub last_error: Option<String>,
}

macro_rules! columns {
    () => {
        "id, to_address, subject, body_text, created_at, sent_at, attempts, last_error"
    };
}

pub async fn enqueue(db: &Db, to: &str, subject: &str, body: &str) -> StoreResult<i64> {
    Ok(on_db!(db, |p| {
        sqlx::query_scalar(
            "INSERT INTO outbox (to_address, subject, body_text, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(to)
        .bind(subject)
        .bind(body)
        .bind(now())
        .fetch_one(p)
        .await
    })?)
}

pub async fn list(db: &Db, limit: i64, offset: i64) -> StoreResult<Vec<Email>> {
    let sql = concat!(
        "SELECT ",
        columns!(),
        " FROM outbox ORDER BY id DESC LIMIT $1 OFFSET $2"
    );
    Ok(on_db!(db, |p| sqlx::query_as(sql)
        .bind(limit)
        .bind(offset)
        .fetch_all(p)
        .await)?)
}

pub async fn count(db: &Db) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar("SELECT COUNT(*) FROM outbox")
        .fetch_one(p)
        .await)?)
}

pub async fn get(db: &Db, id: i64) -> StoreResult<Option<Email>> {
    let sql = concat!("SELECT ", columns!(), " FROM outbox WHERE id = $1");
    Ok(on_db!(db, |p| sqlx::query_as(sql).bind(id).fetch_optional(p).await)?)
}

/// Unsent emails with fewer than `max_attempts` tries, oldest first.
pub async fn pending(db: &Db, max_attempts: i64, limit: i64) -> StoreResult<Vec<Email>> {
    let sql = concat!(
        "SELECT ",
        columns!(),
        " FROM outbox WHERE sent_at IS NULL AND attempts < $1 ORDER BY id LIMIT $2"
    );
    Ok(on_db!(db, |p| sqlx::query_as(sql)
        .bind(max_attempts)
        .bind(limit)
        .fetch_all(p)
        .await)?)
}

/// Claims an email for sending: succeeds for one sender only when several
/// servers poll the same outbox.
pub async fn claim(db: &Db, id: i64, seen_attempts: i64) -> StoreResult<bool> {
    let r = on_db!(db, |p| {
        sqlx::query("UPDATE outbox SET attempts = attempts + 1 WHERE id = $1 AND attempts = $2 AND sent_at IS NULL")
            .bind(id)
            .bind(seen_attempts)
            .execute(p)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(r == 1)
}

pub async fn mark_sent(db: &Db, id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "UPDATE outbox SET sent_at = $2, last_error = NULL WHERE id = $1"
    )
    .bind(id)
    .bind(now())
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn mark_failed(db: &Db, id: i64, error: &str) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query("UPDATE outbox SET last_error = $2 WHERE id = $1")
        .bind(id)
        .bind(error)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}
