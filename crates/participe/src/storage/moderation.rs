//! Reports, hiding and restoring content, and the public moderation log.

use chrono::{DateTime, Utc};
use participe_domain::moderation::{ReportReason, Target};

use super::{Db, StoreError, StoreResult, WriteTx, now};
use crate::on_db;

pub async fn report(
    db: &Db,
    target: Target,
    target_id: i64,
    reporter: i64,
    reason: ReportReason,
    details: &str,
) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "INSERT INTO reports (target_kind, target_id, reporter_id, reason, details, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"
    )
    .bind(target.as_str())
    .bind(target_id)
    .bind(reporter)
    .bind(reason.as_str())
    .bind(details)
    .bind(now())
    .fetch_one(p)
    .await)?)
}

/// An open report, with what the moderator needs to judge it.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct OpenReport {
    pub id: i64,
    pub target_kind: String,
    pub target_id: i64,
    pub reason: String,
    pub details: String,
    pub created_at: DateTime<Utc>,
    /// The reported text (proposal title or comment body).
    pub excerpt: Option<String>,
    /// The proposal the content belongs to, for a link.
    pub proposal_id: Option<i64>,
    pub hidden: bool,
}

/// Open reports, oldest first.
pub async fn queue(db: &Db) -> StoreResult<Vec<OpenReport>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT r.id, r.target_kind, r.target_id, r.reason, r.details, r.created_at,
             COALESCE(pr.title, c.body) AS excerpt,
             COALESCE(pr.id, c.proposal_id) AS proposal_id,
             COALESCE(pr.hidden_reason, c.hidden_reason) IS NOT NULL AS hidden
         FROM reports r
         LEFT JOIN proposals pr ON r.target_kind = 'proposal' AND pr.id = r.target_id
         LEFT JOIN comments c ON r.target_kind = 'comment' AND c.id = r.target_id
         WHERE r.resolved_at IS NULL ORDER BY r.id"
    )
    .fetch_all(p)
    .await)?)
}

pub async fn dismiss(db: &Db, report_id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "UPDATE reports SET resolved_at = $2 WHERE id = $1 AND resolved_at IS NULL"
    )
    .bind(report_id)
    .bind(now())
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// Hides (`Some(reason)`) or restores (`None`) content, closes its reports
/// and writes the public log, in one transaction.
pub async fn set_hidden(
    db: &Db,
    target: Target,
    id: i64,
    reason: Option<&str>,
    restore_note: &str,
    moderator: i64,
) -> StoreResult<()> {
    let update = match target {
        Target::Proposal => "UPDATE proposals SET hidden_reason = $2 WHERE id = $1",
        Target::Comment => "UPDATE comments SET hidden_reason = $2 WHERE id = $1",
    };
    let (action, logged_reason) = match reason {
        Some(r) => ("hidden", r),
        None => ("restored", restore_note),
    };
    let found = on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let n = sqlx::query(update)
                .bind(id)
                .bind(reason)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if n == 0 {
                return Ok::<bool, sqlx::Error>(false);
            }
            let now = now();
            sqlx::query(
                "UPDATE reports SET resolved_at = $3 WHERE target_kind = $1 AND target_id = $2 AND resolved_at IS NULL",
            )
            .bind(target.as_str())
            .bind(id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO moderation_log (target_kind, target_id, action, reason, moderator_id, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(target.as_str())
            .bind(id)
            .bind(action)
            .bind(logged_reason)
            .bind(moderator)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(true)
        }
        .await
    })?;
    if found { Ok(()) } else { Err(StoreError::NotFound) }
}

/// An entry of the public log: never who acted.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct LogEntry {
    pub id: i64,
    pub target_kind: String,
    pub target_id: i64,
    pub action: String,
    pub reason: String,
    pub created_at: DateTime<Utc>,
    pub proposal_id: Option<i64>,
}

pub async fn log(db: &Db, limit: i64, offset: i64) -> StoreResult<Vec<LogEntry>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT l.id, l.target_kind, l.target_id, l.action, l.reason, l.created_at,
             CASE WHEN l.target_kind = 'proposal' THEN l.target_id ELSE c.proposal_id END AS proposal_id
         FROM moderation_log l LEFT JOIN comments c ON l.target_kind = 'comment' AND c.id = l.target_id
         ORDER BY l.id DESC LIMIT $1 OFFSET $2"
    )
    .bind(limit)
    .bind(offset)
    .fetch_all(p)
    .await)?)
}

pub async fn log_count(db: &Db) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM moderation_log"
    )
    .fetch_one(p)
    .await)?)
}
