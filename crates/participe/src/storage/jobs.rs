//! Background jobs (long exports): their status and progress, written by
//! the job runner (services/jobs.rs) and read by the back office.

use chrono::{DateTime, Duration, Utc};

use super::{Db, StoreResult, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    /// `queued`, `running`, `done` or `failed`.
    pub status: String,
    pub progress: i64,
    pub total: i64,
    pub message: String,
    pub result_path: Option<String>,
    pub created_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Job {
    pub fn is_active(&self) -> bool {
        matches!(self.status.as_str(), "queued" | "running")
    }

    /// Progress in whole percent (0 while the total is unknown).
    pub fn percent(&self) -> i64 {
        if self.status == "done" {
            100
        } else if self.total > 0 {
            (self.progress.clamp(0, self.total) * 100) / self.total
        } else {
            0
        }
    }
}

const COLUMNS: &str = "id, kind, status, progress, total, message, result_path, created_by, created_at, updated_at";

pub async fn create(db: &Db, kind: &str, created_by: Option<i64>) -> StoreResult<i64> {
    let at = now();
    Ok(on_db!(db, |p| {
        sqlx::query_scalar(
            "INSERT INTO jobs (kind, status, created_by, created_at, updated_at) VALUES ($1, 'queued', $2, $3, $3)
             RETURNING id",
        )
        .bind(kind)
        .bind(created_by)
        .bind(at)
        .fetch_one(p)
        .await
    })?)
}

pub async fn get(db: &Db, id: i64) -> StoreResult<Option<Job>> {
    let sql = sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM jobs WHERE id = $1"));
    Ok(on_db!(db, |p| sqlx::query_as(sql).bind(id).fetch_optional(p).await)?)
}

/// The newest jobs first.
pub async fn recent(db: &Db, limit: i64) -> StoreResult<Vec<Job>> {
    let sql = sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM jobs ORDER BY id DESC LIMIT $1"));
    Ok(on_db!(db, |p| sqlx::query_as(sql).bind(limit).fetch_all(p).await)?)
}

/// Whether a job of this kind is queued or running.
pub async fn active_of_kind(db: &Db, kind: &str) -> StoreResult<bool> {
    Ok(on_db!(db, |p| {
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM jobs WHERE kind = $1 AND status IN ('queued', 'running'))")
            .bind(kind)
            .fetch_one(p)
            .await
    })?)
}

/// Records progress (and that the job is alive: `updated_at` is its heartbeat).
pub async fn set_progress(db: &Db, id: i64, progress: i64, total: i64, message: &str) -> StoreResult<()> {
    on_db!(db, |p| {
        sqlx::query(
            "UPDATE jobs SET status = 'running', progress = $2, total = $3, message = $4, updated_at = $5
             WHERE id = $1 AND status IN ('queued', 'running')",
        )
        .bind(id)
        .bind(progress)
        .bind(total)
        .bind(message)
        .bind(now())
        .execute(p)
        .await
        .map(|_| ())
    })?;
    Ok(())
}

pub async fn finish(db: &Db, id: i64, result_path: Option<&str>, message: &str) -> StoreResult<()> {
    on_db!(db, |p| {
        sqlx::query(
            "UPDATE jobs SET status = 'done', progress = total, result_path = $2, message = $3, updated_at = $4
             WHERE id = $1",
        )
        .bind(id)
        .bind(result_path)
        .bind(message)
        .bind(now())
        .execute(p)
        .await
        .map(|_| ())
    })?;
    Ok(())
}

pub async fn fail(db: &Db, id: i64, message: &str) -> StoreResult<()> {
    on_db!(db, |p| {
        sqlx::query("UPDATE jobs SET status = 'failed', message = $2, updated_at = $3 WHERE id = $1")
            .bind(id)
            .bind(message)
            .bind(now())
            .execute(p)
            .await
            .map(|_| ())
    })?;
    Ok(())
}

/// Marks failed the jobs still queued or running whose heartbeat stopped
/// more than `silence` ago (their server stopped or crashed); returns how many.
pub async fn fail_abandoned(db: &Db, silence: Duration, message: &str) -> StoreResult<u64> {
    let at = now();
    Ok(on_db!(db, |p| {
        sqlx::query(
            "UPDATE jobs SET status = 'failed', message = $1, updated_at = $2
             WHERE status IN ('queued', 'running') AND updated_at < $3",
        )
        .bind(message)
        .bind(at)
        .bind(at - silence)
        .execute(p)
        .await
        .map(|r| r.rows_affected())
    })?)
}
