//! Analyses of proposals by the services (private to staff) and official
//! answers (public once published).

use chrono::{DateTime, Utc};
use participe_domain::analysis::AnalysisInput;

use super::{Db, StoreResult, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Analysis {
    pub proposal_id: i64,
    pub analyst_id: Option<i64>,
    pub analyst_name: Option<String>,
    pub admissibility: String,
    pub reason_id: Option<i64>,
    pub reason_name: Option<String>,
    pub reason_text: String,
    pub feasibility: String,
    pub cost_estimate: Option<i64>,
    pub delay_months: Option<i64>,
    pub updated_at: Option<DateTime<Utc>>,
}

macro_rules! select_analyses {
    ($where:literal) => {
        concat!(
            "SELECT a.proposal_id, a.analyst_id, u.display_name AS analyst_name, a.admissibility, a.reason_id,
                 r.name AS reason_name, a.reason_text, a.feasibility, a.cost_estimate, a.delay_months, a.updated_at
             FROM analyses a LEFT JOIN users u ON u.id = a.analyst_id
             LEFT JOIN admissibility_reasons r ON r.id = a.reason_id ",
            $where
        )
    };
}

pub async fn get(db: &Db, proposal_id: i64) -> StoreResult<Option<Analysis>> {
    Ok(on_db!(db, |p| sqlx::query_as(select_analyses!(
        "WHERE a.proposal_id = $1"
    ))
    .bind(proposal_id)
    .fetch_optional(p)
    .await)?)
}

/// The analyses of every proposal of a step, by proposal id, in one query
/// (staff lists and exports would otherwise query once per proposal).
pub async fn of_step(db: &Db, step_id: i64) -> StoreResult<std::collections::HashMap<i64, Analysis>> {
    let rows: Vec<Analysis> = on_db!(db, |p| sqlx::query_as(select_analyses!(
        "WHERE a.proposal_id IN (SELECT id FROM proposals WHERE step_id = $1)"
    ))
    .bind(step_id)
    .fetch_all(p)
    .await)?;
    Ok(rows.into_iter().map(|a| (a.proposal_id, a)).collect())
}

/// Assigns proposals to an analyst (None removes the assignment).
pub async fn assign(db: &Db, proposal_ids: &[i64], analyst_id: Option<i64>) -> StoreResult<u64> {
    let mut n = 0;
    for id in proposal_ids {
        n += on_db!(db, |p| sqlx::query(
            "INSERT INTO analyses (proposal_id, analyst_id) VALUES ($1, $2)
             ON CONFLICT (proposal_id) DO UPDATE SET analyst_id = $2"
        )
        .bind(id)
        .bind(analyst_id)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
    }
    Ok(n)
}

pub async fn save(db: &Db, proposal_id: i64, a: &AnalysisInput) -> StoreResult<()> {
    on_db!(db, |p| {
        sqlx::query(
        "INSERT INTO analyses (proposal_id, admissibility, reason_id, reason_text, feasibility, cost_estimate, delay_months, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (proposal_id) DO UPDATE SET admissibility = $2, reason_id = $3, reason_text = $4, feasibility = $5,
             cost_estimate = $6, delay_months = $7, updated_at = $8"
    )
    .bind(proposal_id)
    .bind(a.admissibility.as_str())
    .bind(a.reason)
    .bind(&a.reason_text)
    .bind(&a.feasibility)
    .bind(a.cost_estimate)
    .bind(a.delay_months)
    .bind(now())
    .execute(p)
    .await
    .map(|_| ())
    })?;
    Ok(())
}

/// Ids of the proposals assigned to an analyst.
pub async fn assigned_to(db: &Db, analyst_id: i64) -> StoreResult<Vec<i64>> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT proposal_id FROM analyses WHERE analyst_id = $1 ORDER BY proposal_id"
    )
    .bind(analyst_id)
    .fetch_all(p)
    .await)?)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct OfficialAnswer {
    pub proposal_id: i64,
    pub body: String,
    pub publish_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
}

pub async fn answer(db: &Db, proposal_id: i64) -> StoreResult<Option<OfficialAnswer>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT proposal_id, body, publish_at, published_at FROM official_answers WHERE proposal_id = $1"
    )
    .bind(proposal_id)
    .fetch_optional(p)
    .await)?)
}

/// Writes the official answer, to be published at `publish_at` (which may be now).
pub async fn save_answer(
    db: &Db,
    proposal_id: i64,
    body: &str,
    publish_at: DateTime<Utc>,
    author_id: i64,
) -> StoreResult<()> {
    on_db!(db, |p| {
        sqlx::query(
        "INSERT INTO official_answers (proposal_id, body, publish_at, author_id, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (proposal_id) DO UPDATE SET body = $2, publish_at = $3, author_id = $4, updated_at = $5, published_at = NULL"
    )
    .bind(proposal_id)
    .bind(body)
    .bind(publish_at)
    .bind(author_id)
    .bind(now())
    .execute(p)
    .await
    .map(|_| ())
    })?;
    Ok(())
}

/// Marks as published the answers whose time has come, and returns their
/// proposals (each exactly once, even with several servers running this).
pub async fn publish_due(db: &Db) -> StoreResult<Vec<i64>> {
    let now = now();
    let due: Vec<i64> = on_db!(db, |p| sqlx::query_scalar(
        "SELECT proposal_id FROM official_answers WHERE published_at IS NULL AND publish_at <= $1"
    )
    .bind(now)
    .fetch_all(p)
    .await)?;
    let mut published = vec![];
    for id in due {
        let n = on_db!(db, |p| sqlx::query(
            "UPDATE official_answers SET published_at = $2 WHERE proposal_id = $1 AND published_at IS NULL"
        )
        .bind(id)
        .bind(now)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
        if n == 1 {
            published.push(id);
        }
    }
    Ok(published)
}
