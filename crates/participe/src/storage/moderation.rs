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
    /// The opinion or debate it belongs to (consultations and debates).
    pub opinion_id: Option<i64>,
    pub debate_id: Option<i64>,
    pub hidden: bool,
    /// Where the content is shown.
    #[sqlx(skip)]
    pub link: String,
}

/// The page (and anchor) where reported or moderated content is shown.
fn link(kind: &str, id: i64, proposal: Option<i64>, opinion: Option<i64>, debate: Option<i64>) -> String {
    match (kind, proposal, opinion, debate) {
        ("proposal", Some(p), _, _) => format!("/proposals/{p}"),
        ("comment", Some(p), _, _) => format!("/proposals/{p}#comment-{id}"),
        ("opinion", _, Some(o), _) => format!("/opinions/{o}"),
        ("argument", _, Some(o), _) => format!("/opinions/{o}#argument-{id}"),
        ("argument", _, _, Some(d)) => format!("/debates/{d}#argument-{id}"),
        ("source", _, Some(o), _) => format!("/opinions/{o}#source-{id}"),
        _ => String::new(),
    }
}

/// Open reports, oldest first.
pub async fn queue(db: &Db) -> StoreResult<Vec<OpenReport>> {
    let mut reports: Vec<OpenReport> = on_db!(db, |p| sqlx::query_as(
        "SELECT r.id, r.target_kind, r.target_id, r.reason, r.details, r.created_at,
             COALESCE(pr.title, c.body, o.title, a.body, s.title) AS excerpt,
             COALESCE(pr.id, c.proposal_id) AS proposal_id,
             COALESCE(o.id, a.opinion_id, s.opinion_id) AS opinion_id,
             a.debate_id,
             COALESCE(pr.hidden_reason, c.hidden_reason, o.hidden_reason, a.hidden_reason, s.hidden_reason)
                 IS NOT NULL AS hidden
         FROM reports r
         LEFT JOIN proposals pr ON r.target_kind = 'proposal' AND pr.id = r.target_id
         LEFT JOIN comments c ON r.target_kind = 'comment' AND c.id = r.target_id
         LEFT JOIN opinions o ON r.target_kind = 'opinion' AND o.id = r.target_id
         LEFT JOIN arguments a ON r.target_kind = 'argument' AND a.id = r.target_id
         LEFT JOIN sources s ON r.target_kind = 'source' AND s.id = r.target_id
         WHERE r.resolved_at IS NULL ORDER BY r.id"
    )
    .fetch_all(p)
    .await)?;
    for r in &mut reports {
        r.link = link(&r.target_kind, r.target_id, r.proposal_id, r.opinion_id, r.debate_id);
    }
    Ok(reports)
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
        Target::Opinion => "UPDATE opinions SET hidden_reason = $2 WHERE id = $1",
        Target::Argument => "UPDATE arguments SET hidden_reason = $2 WHERE id = $1",
        Target::Source => "UPDATE sources SET hidden_reason = $2 WHERE id = $1",
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
    if !found {
        return Err(StoreError::NotFound);
    }
    refresh_counters(db, target, id).await
}

/// Hiding or restoring content changes the counts its opinion shows.
async fn refresh_counters(db: &Db, target: Target, id: i64) -> StoreResult<()> {
    use super::{arguments, opinions, sources};
    match target {
        Target::Opinion => {
            if let Some(parent) = opinions::by_id(db, id).await?.and_then(|o| o.amends_id) {
                opinions::refresh_amendment_count(db, parent).await?;
            }
        }
        Target::Argument => {
            if let Some(o) = arguments::by_id(db, id).await?.and_then(|a| a.opinion_id) {
                arguments::refresh_counts(db, o).await?;
            }
        }
        Target::Source => {
            if let Some(s) = sources::by_id(db, id).await? {
                sources::refresh_count(db, s.opinion_id).await?;
            }
        }
        Target::Proposal | Target::Comment => {}
    }
    Ok(())
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
    pub opinion_id: Option<i64>,
    pub debate_id: Option<i64>,
    #[sqlx(skip)]
    pub link: String,
}

pub async fn log(db: &Db, limit: i64, offset: i64) -> StoreResult<Vec<LogEntry>> {
    let mut entries: Vec<LogEntry> = on_db!(db, |p| sqlx::query_as(
        "SELECT l.id, l.target_kind, l.target_id, l.action, l.reason, l.created_at,
             CASE WHEN l.target_kind = 'proposal' THEN l.target_id ELSE c.proposal_id END AS proposal_id,
             COALESCE(o.id, a.opinion_id, s.opinion_id) AS opinion_id,
             a.debate_id
         FROM moderation_log l
         LEFT JOIN comments c ON l.target_kind = 'comment' AND c.id = l.target_id
         LEFT JOIN opinions o ON l.target_kind = 'opinion' AND o.id = l.target_id
         LEFT JOIN arguments a ON l.target_kind = 'argument' AND a.id = l.target_id
         LEFT JOIN sources s ON l.target_kind = 'source' AND s.id = l.target_id
         ORDER BY l.id DESC LIMIT $1 OFFSET $2"
    )
    .bind(limit)
    .bind(offset)
    .fetch_all(p)
    .await)?;
    for e in &mut entries {
        e.link = link(&e.target_kind, e.target_id, e.proposal_id, e.opinion_id, e.debate_id);
    }
    Ok(entries)
}

pub async fn log_count(db: &Db) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM moderation_log"
    )
    .fetch_one(p)
    .await)?)
}
