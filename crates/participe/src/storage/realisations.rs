//! Realisation follow-up of winning proposals: status and progress, dated
//! milestones, news posts with photos, and the list of a project's winners.

use chrono::{DateTime, NaiveDate, Utc};
use participe_domain::follow_up::{MilestoneInput, NewsInput, RealisationInput};

use super::{Db, StoreError, StoreResult, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Realisation {
    pub proposal_id: i64,
    pub status: String,
    pub progress: i64,
    pub updated_at: DateTime<Utc>,
}

pub async fn get(db: &Db, proposal_id: i64) -> StoreResult<Option<Realisation>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT proposal_id, status, progress, updated_at FROM realisations WHERE proposal_id = $1"
    )
    .bind(proposal_id)
    .fetch_optional(p)
    .await)?)
}

/// Starts the follow-up of these proposals (the winners of a vote): each
/// one without a follow-up gets one, under study at 0 %. Existing follow-ups
/// are left as they are, so calling this again changes nothing.
pub async fn ensure(db: &Db, proposal_ids: &[i64]) -> StoreResult<()> {
    let now = now();
    for id in proposal_ids {
        on_db!(db, |p| sqlx::query(
            "INSERT INTO realisations (proposal_id, status, progress, updated_at) VALUES ($1, 'under_study', 0, $2)
             ON CONFLICT (proposal_id) DO NOTHING"
        )
        .bind(id)
        .bind(now)
        .execute(p)
        .await
        .map(|_| ()))?;
    }
    Ok(())
}

/// Writes the status and progress (creating the follow-up if needed).
pub async fn save(db: &Db, proposal_id: i64, r: &RealisationInput) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "INSERT INTO realisations (proposal_id, status, progress, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (proposal_id) DO UPDATE SET status = $2, progress = $3, updated_at = $4"
    )
    .bind(proposal_id)
    .bind(r.status.as_str())
    .bind(r.progress)
    .bind(now())
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Milestone {
    pub id: i64,
    pub proposal_id: i64,
    pub title: String,
    pub due_on: NaiveDate,
    pub done: bool,
}

/// The milestones of a follow-up, by due date.
pub async fn milestones(db: &Db, proposal_id: i64) -> StoreResult<Vec<Milestone>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT id, proposal_id, title, due_on, done FROM realisation_milestones WHERE proposal_id = $1
         ORDER BY due_on, id"
    )
    .bind(proposal_id)
    .fetch_all(p)
    .await)?)
}

pub async fn milestone(db: &Db, id: i64) -> StoreResult<Option<Milestone>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT id, proposal_id, title, due_on, done FROM realisation_milestones WHERE id = $1"
    )
    .bind(id)
    .fetch_optional(p)
    .await)?)
}

/// Adds a milestone to an existing follow-up; returns its id.
pub async fn add_milestone(db: &Db, proposal_id: i64, m: &MilestoneInput) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "INSERT INTO realisation_milestones (proposal_id, title, due_on, done, created_at) VALUES ($1, $2, $3, $4, $5)
         RETURNING id"
    )
    .bind(proposal_id)
    .bind(&m.title)
    .bind(m.due_on)
    .bind(m.done)
    .bind(now())
    .fetch_one(p)
    .await)?)
}

pub async fn update_milestone(db: &Db, id: i64, m: &MilestoneInput) -> StoreResult<()> {
    let n = on_db!(db, |p| sqlx::query(
        "UPDATE realisation_milestones SET title = $2, due_on = $3, done = $4 WHERE id = $1"
    )
    .bind(id)
    .bind(&m.title)
    .bind(m.due_on)
    .bind(m.done)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}

pub async fn delete_milestone(db: &Db, id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query("DELETE FROM realisation_milestones WHERE id = $1")
        .bind(id)
        .execute(p)
        .await
        .map(|_| ()))?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct News {
    pub id: i64,
    pub proposal_id: i64,
    pub title: String,
    /// Markdown.
    pub body: String,
    pub image_path: Option<String>,
    pub image_alt: String,
    pub author_id: Option<i64>,
    pub published_at: DateTime<Utc>,
}

/// The news of a follow-up, newest first.
pub async fn news(db: &Db, proposal_id: i64) -> StoreResult<Vec<News>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT id, proposal_id, title, body, image_path, image_alt, author_id, published_at FROM realisation_news
         WHERE proposal_id = $1 ORDER BY published_at DESC, id DESC"
    )
    .bind(proposal_id)
    .fetch_all(p)
    .await)?)
}

pub async fn news_item(db: &Db, id: i64) -> StoreResult<Option<News>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT id, proposal_id, title, body, image_path, image_alt, author_id, published_at FROM realisation_news
         WHERE id = $1"
    )
    .bind(id)
    .fetch_optional(p)
    .await)?)
}

/// Publishes a news post on an existing follow-up; returns its id.
pub async fn add_news(
    db: &Db,
    proposal_id: i64,
    n: &NewsInput,
    image_path: Option<&str>,
    author_id: Option<i64>,
) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "INSERT INTO realisation_news (proposal_id, title, body, image_path, image_alt, author_id, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id"
    )
    .bind(proposal_id)
    .bind(&n.title)
    .bind(&n.body)
    .bind(image_path)
    .bind(&n.image_alt)
    .bind(author_id)
    .bind(now())
    .fetch_one(p)
    .await)?)
}

pub async fn delete_news(db: &Db, id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query("DELETE FROM realisation_news WHERE id = $1")
        .bind(id)
        .execute(p)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// A winning proposal of a project and where its realisation stands.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Winner {
    pub proposal_id: i64,
    pub number: Option<i64>,
    pub reference_prefix: Option<String>,
    pub title: String,
    pub cost: Option<i64>,
    pub district_name: Option<String>,
    pub status: String,
    pub progress: i64,
    pub updated_at: DateTime<Utc>,
    pub latest_news: Option<DateTime<Utc>>,
}

impl Winner {
    /// The public reference, e.g. `BP-2026-0042`.
    pub fn reference(&self) -> Option<String> {
        self.number
            .map(|n| participe_domain::proposal::reference(self.reference_prefix.as_deref().unwrap_or(""), n))
    }
}

/// Every published, visible proposal of a project's published steps that
/// has a follow-up, by status (in progress, under study, delivered,
/// abandoned), then by progress and title.
pub async fn of_project(db: &Db, project_id: i64) -> StoreResult<Vec<Winner>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT r.proposal_id, p.number, cs.reference_prefix, p.title, p.cost, d.name AS district_name, r.status,
             r.progress, r.updated_at,
             (SELECT MAX(n.published_at) FROM realisation_news n WHERE n.proposal_id = r.proposal_id) AS latest_news
         FROM realisations r
         JOIN proposals p ON p.id = r.proposal_id
         JOIN steps s ON s.id = p.step_id
         LEFT JOIN collect_settings cs ON cs.step_id = p.step_id
         LEFT JOIN districts d ON d.id = p.district_id
         WHERE s.project_id = $1 AND s.published = TRUE AND p.state = 'published' AND p.hidden_reason IS NULL
         ORDER BY CASE r.status WHEN 'in_progress' THEN 0 WHEN 'under_study' THEN 1 WHEN 'delivered' THEN 2 ELSE 3 END,
             r.progress DESC, p.title, r.proposal_id"
    )
    .bind(project_id)
    .fetch_all(p)
    .await)?)
}

/// Whether a project has any visible follow-up (for the link on its page).
/// Written from the realisations (a few) to their proposals, so that a
/// project of 10,000 proposals is not read to find none.
pub const PROJECT_HAS_ANY: &str = "SELECT COUNT(*) FROM realisations r
     WHERE EXISTS (SELECT 1 FROM proposals p JOIN steps s ON s.id = p.step_id
                   WHERE p.id = r.proposal_id AND s.project_id = $1 AND s.published = TRUE
                     AND p.state = 'published' AND p.hidden_reason IS NULL)";

pub async fn project_has_any(db: &Db, project_id: i64) -> StoreResult<bool> {
    let n: i64 = on_db!(db, |p| sqlx::query_scalar(PROJECT_HAS_ANY)
        .bind(project_id)
        .fetch_one(p)
        .await)?;
    Ok(n > 0)
}
