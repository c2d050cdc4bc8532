//! Petitions: a collect step's support mode, supports, the threshold
//! crossing and automatic archiving. Each change that must happen once (the
//! threshold reached, an archive) is a conditional UPDATE whose row count
//! says which request or server made it, so its emails go out exactly once.

use chrono::{DateTime, Utc};
use participe_domain::petition::{self, Checks, PetitionSettings};

use super::{Db, StoreResult, WriteTx, now};
use crate::on_db;

/// The petition settings of a collect step; None when it is not in
/// support mode.
pub async fn settings(db: &Db, step_id: i64) -> StoreResult<Option<PetitionSettings>> {
    type Row = (i64, i64, Option<i64>, bool, bool, bool);
    let row: Option<Row> = on_db!(db, |p| sqlx::query_as(
        "SELECT threshold, answer_days, archive_days, req_verified_identity, req_id_code, req_phone
         FROM petition_settings WHERE step_id = $1"
    )
    .bind(step_id)
    .fetch_optional(p)
    .await)?;
    Ok(row.map(
        |(threshold, answer_days, archive_days, verified_identity, id_code, phone)| PetitionSettings {
            threshold,
            answer_days,
            archive_days,
            checks: Checks {
                verified_identity,
                id_code,
                phone,
            },
        },
    ))
}

/// Puts a collect step in support mode with these settings, or changes them.
pub async fn save_settings(db: &Db, step_id: i64, s: &PetitionSettings) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "INSERT INTO petition_settings
             (step_id, threshold, answer_days, archive_days, req_verified_identity, req_id_code, req_phone)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (step_id) DO UPDATE SET threshold = excluded.threshold, answer_days = excluded.answer_days,
             archive_days = excluded.archive_days, req_verified_identity = excluded.req_verified_identity,
             req_id_code = excluded.req_id_code, req_phone = excluded.req_phone"
    )
    .bind(step_id)
    .bind(s.threshold)
    .bind(s.answer_days)
    .bind(s.archive_days)
    .bind(s.checks.verified_identity)
    .bind(s.checks.id_code)
    .bind(s.checks.phone)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// Takes a collect step out of support mode (supports already given stay).
pub async fn turn_off(db: &Db, step_id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query("DELETE FROM petition_settings WHERE step_id = $1")
        .bind(step_id)
        .execute(p)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// A proposal's petition state as stored.
#[derive(Debug, Clone, Copy, Default, sqlx::FromRow, serde::Serialize)]
pub struct Petition {
    pub support_count: i64,
    pub threshold_reached_at: Option<DateTime<Utc>>,
    pub answer_due_at: Option<DateTime<Utc>>,
    pub archived_at: Option<DateTime<Utc>>,
}

pub async fn of_proposal(db: &Db, proposal_id: i64) -> StoreResult<Petition> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT support_count, threshold_reached_at, answer_due_at, archived_at FROM proposals WHERE id = $1"
    )
    .bind(proposal_id)
    .fetch_optional(p)
    .await)?
    .unwrap_or_default())
}

/// The petition state of several proposals (for lists), by id.
pub async fn of_proposals(db: &Db, ids: &[i64]) -> StoreResult<Vec<(i64, Petition)>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT id, support_count, threshold_reached_at, answer_due_at, archived_at FROM proposals WHERE id IN ({})",
        placeholders.join(", ")
    );
    type Row = (
        i64,
        i64,
        Option<DateTime<Utc>>,
        Option<DateTime<Utc>>,
        Option<DateTime<Utc>>,
    );
    let rows: Vec<Row> = on_db!(db, |p| {
        let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()));
        for id in ids {
            q = q.bind(*id);
        }
        q.fetch_all(p).await
    })?;
    Ok(rows
        .into_iter()
        .map(
            |(id, support_count, threshold_reached_at, answer_due_at, archived_at)| {
                (
                    id,
                    Petition {
                        support_count,
                        threshold_reached_at,
                        answer_due_at,
                        archived_at,
                    },
                )
            },
        )
        .collect())
}

pub async fn is_supporting(db: &Db, proposal_id: i64, user_id: i64) -> StoreResult<bool> {
    let n: i64 = on_db!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM supports WHERE proposal_id = $1 AND user_id = $2"
    )
    .bind(proposal_id)
    .bind(user_id)
    .fetch_one(p)
    .await)?;
    Ok(n > 0)
}

/// What a support did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Supported {
    /// Counted (`reached`: this very support reached the threshold, so its
    /// request sends the emails).
    Counted { reached: bool },
    /// The person already supported it: nothing changed.
    Already,
    /// The proposal was archived meanwhile: nothing changed.
    Archived,
}

/// Adds a person's support, in one transaction: the support row (its
/// primary key refuses a second one), the counter, and, when this support
/// reaches the threshold, the date reached and the answer's deadline.
pub async fn support(db: &Db, proposal_id: i64, user_id: i64, s: &PetitionSettings) -> StoreResult<Supported> {
    let at = now();
    let due = petition::answer_due(at, s);
    Ok(on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let archived: Option<Option<DateTime<Utc>>> =
                sqlx::query_scalar("SELECT archived_at FROM proposals WHERE id = $1")
                    .bind(proposal_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            if archived.flatten().is_some() {
                tx.rollback().await?;
                return Ok::<_, sqlx::Error>(Supported::Archived);
            }
            let n = sqlx::query(
                "INSERT INTO supports (proposal_id, user_id, created_at) VALUES ($1, $2, $3)
                 ON CONFLICT (proposal_id, user_id) DO NOTHING",
            )
            .bind(proposal_id)
            .bind(user_id)
            .bind(at)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if n == 0 {
                tx.rollback().await?;
                return Ok(Supported::Already);
            }
            sqlx::query("UPDATE proposals SET support_count = support_count + 1 WHERE id = $1")
                .bind(proposal_id)
                .execute(&mut *tx)
                .await?;
            let reached = sqlx::query(
                "UPDATE proposals SET threshold_reached_at = $2, answer_due_at = $3
                 WHERE id = $1 AND threshold_reached_at IS NULL AND support_count >= $4",
            )
            .bind(proposal_id)
            .bind(at)
            .bind(due)
            .bind(s.threshold)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            tx.commit().await?;
            Ok(Supported::Counted { reached })
        }
        .await
    })?)
}

/// Withdraws a person's support; returns whether there was one. A
/// threshold once reached stays reached (the promise to answer stands).
pub async fn withdraw(db: &Db, proposal_id: i64, user_id: i64) -> StoreResult<bool> {
    Ok(on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let n = sqlx::query(
                "DELETE FROM supports WHERE proposal_id = $1 AND user_id = $2
                 AND EXISTS (SELECT 1 FROM proposals WHERE id = $1 AND archived_at IS NULL)",
            )
            .bind(proposal_id)
            .bind(user_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if n == 1 {
                sqlx::query("UPDATE proposals SET support_count = support_count - 1 WHERE id = $1")
                    .bind(proposal_id)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(n == 1)
        }
        .await
    })?)
}

/// Archives the published proposals below their step's threshold whose
/// delay has run out, and returns them: each exactly once, even with
/// several servers doing this at the same time (the UPDATE that archives a
/// proposal is conditional, and only the server whose UPDATE changed the
/// row gets it back).
pub async fn archive_due(db: &Db) -> StoreResult<Vec<i64>> {
    let at = now();
    type Candidate = (i64, DateTime<Utc>, i64, i64, Option<i64>);
    let candidates: Vec<Candidate> = on_db!(db, |p| sqlx::query_as(
        "SELECT p.id, p.published_at, ps.threshold, ps.answer_days, ps.archive_days
         FROM proposals p JOIN petition_settings ps ON ps.step_id = p.step_id
         WHERE p.state = 'published' AND p.archived_at IS NULL AND p.threshold_reached_at IS NULL
           AND p.published_at IS NOT NULL AND ps.archive_days IS NOT NULL"
    )
    .fetch_all(p)
    .await)?;
    let mut archived = vec![];
    for (id, published_at, threshold, answer_days, archive_days) in candidates {
        let s = PetitionSettings {
            threshold,
            answer_days,
            archive_days,
            checks: Checks::default(),
        };
        if !petition::archive_due(published_at, false, &s, at) {
            continue;
        }
        let n = on_db!(db, |p| sqlx::query(
            "UPDATE proposals SET archived_at = $2
             WHERE id = $1 AND archived_at IS NULL AND threshold_reached_at IS NULL"
        )
        .bind(id)
        .bind(at)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
        if n == 1 {
            archived.push(id);
        }
    }
    Ok(archived)
}

/// The proposals awaiting an official answer, soonest deadline
/// first: (proposal id, title, deadline).
pub async fn awaiting_answer(db: &Db) -> StoreResult<Vec<(i64, String, DateTime<Utc>)>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT p.id, p.title, p.answer_due_at FROM proposals p
         WHERE p.answer_due_at IS NOT NULL AND p.state = 'published'
           AND NOT EXISTS (SELECT 1 FROM official_answers a WHERE a.proposal_id = p.id AND a.published_at IS NOT NULL)
         ORDER BY p.answer_due_at, p.id"
    )
    .fetch_all(p)
    .await)?)
}

/// The proposals a person supports, for their personal data.
pub async fn supported_by(db: &Db, user_id: i64) -> StoreResult<Vec<(i64, DateTime<Utc>)>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT proposal_id, created_at FROM supports WHERE user_id = $1 ORDER BY created_at, proposal_id"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)?)
}

/// Sets a proposal's petition dates (the demo, which shows petitions of
/// past months, and tests): its publication, the threshold reached (and
/// the deadline `answer_days` later), its archiving.
pub async fn backdate(
    db: &Db,
    proposal_id: i64,
    published_at: DateTime<Utc>,
    reached_at: Option<DateTime<Utc>>,
    answer_days: i64,
    archived_at: Option<DateTime<Utc>>,
) -> StoreResult<()> {
    let due = reached_at.map(|r| r + chrono::Duration::days(answer_days));
    on_db!(db, |p| sqlx::query(
        "UPDATE proposals SET published_at = $2, created_at = $2, updated_at = $2, threshold_reached_at = $3,
             answer_due_at = $4, archived_at = $5 WHERE id = $1"
    )
    .bind(proposal_id)
    .bind(published_at)
    .bind(reached_at)
    .bind(due)
    .bind(archived_at)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}
