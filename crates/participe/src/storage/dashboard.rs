//! What the back office's dashboard shows: the work waiting (proposals to
//! analyse, open reports), participation figures, and recent activity.

use chrono::{DateTime, Utc};

use super::{Db, StoreResult};
use crate::on_db;

#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct Figures {
    /// Published proposals with no decision yet and no analysis done.
    pub awaiting_analysis: i64,
    /// Reports nobody has dealt with.
    pub open_reports: i64,
    pub proposals: i64,
    pub comments: i64,
    pub ballots: i64,
    pub users: i64,
}

pub async fn figures(db: &Db) -> StoreResult<Figures> {
    let sql = "SELECT
        CAST((SELECT COUNT(*) FROM proposals p LEFT JOIN analyses a ON a.proposal_id = p.id
              WHERE p.state = 'published' AND p.outcome IS NULL
                AND (a.proposal_id IS NULL OR a.admissibility = 'pending')) AS BIGINT),
        CAST((SELECT COUNT(*) FROM reports WHERE resolved_at IS NULL) AS BIGINT),
        CAST((SELECT COUNT(*) FROM proposals WHERE state = 'published') AS BIGINT),
        CAST((SELECT COUNT(*) FROM comments WHERE deleted_at IS NULL) AS BIGINT),
        CAST((SELECT COUNT(*) FROM ballots WHERE complete) AS BIGINT),
        CAST((SELECT COUNT(*) FROM users) AS BIGINT)";
    let (awaiting_analysis, open_reports, proposals, comments, ballots, users): (i64, i64, i64, i64, i64, i64) =
        on_db!(db, |p| sqlx::query_as(sql).fetch_one(p).await)?;
    Ok(Figures {
        awaiting_analysis,
        open_reports,
        proposals,
        comments,
        ballots,
        users,
    })
}

/// A published proposal or a comment, newest first.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Activity {
    /// `proposal` or `comment`.
    pub kind: String,
    pub proposal_id: i64,
    pub title: String,
    pub at: DateTime<Utc>,
}

pub async fn recent(db: &Db, limit: i64) -> StoreResult<Vec<Activity>> {
    let sql = "SELECT kind, proposal_id, title, at FROM (
          SELECT 'proposal' AS kind, p.id AS proposal_id, p.title AS title, p.published_at AS at
            FROM proposals p WHERE p.state = 'published' AND p.published_at IS NOT NULL
          UNION ALL
          SELECT 'comment', c.proposal_id, p.title, c.created_at
            FROM comments c JOIN proposals p ON p.id = c.proposal_id WHERE c.deleted_at IS NULL
        ) activity ORDER BY at DESC, proposal_id DESC LIMIT $1";
    Ok(on_db!(db, |p| sqlx::query_as(sql).bind(limit).fetch_all(p).await)?)
}
