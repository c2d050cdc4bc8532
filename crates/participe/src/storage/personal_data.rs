//! Everything the platform holds about one person, for their GDPR copy
//! (`/account/data`). Secrets (password and session token hashes, email
//! tokens) are left out.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Db, StoreResult};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Account {
    pub id: i64,
    pub email: Option<String>,
    pub display_name: Option<String>,
    pub role: String,
    pub locale: String,
    pub created_at: DateTime<Utc>,
    pub email_confirmed_at: Option<DateTime<Utc>>,
    pub terms_accepted_at: Option<DateTime<Utc>>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub birth_date: Option<NaiveDate>,
    pub postal_code: Option<String>,
    pub phone: Option<String>,
    pub notify_status: bool,
    pub notify_answer: bool,
    pub notify_comment: bool,
}

pub async fn account(db: &Db, user_id: i64) -> StoreResult<Account> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT id, email, display_name, role, locale, created_at, email_confirmed_at, terms_accepted_at, deleted_at,
             birth_date, postal_code, phone, notify_status, notify_answer, notify_comment
         FROM users WHERE id = $1"
    )
    .bind(user_id)
    .fetch_one(p)
    .await)?)
}

/// An answer to a custom question of a proposal form.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Answer {
    pub proposal_id: i64,
    pub question: String,
    pub value: String,
}

pub async fn answers(db: &Db, user_id: i64) -> StoreResult<Vec<Answer>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT a.proposal_id, q.label AS question, a.value FROM proposal_answers a
         JOIN form_questions q ON q.id = a.question_id JOIN proposals p ON p.id = a.proposal_id
         WHERE p.author_id = $1 ORDER BY a.proposal_id, q.position"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)?)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Comment {
    pub id: i64,
    pub proposal_id: i64,
    pub proposal_title: String,
    pub parent_id: Option<i64>,
    pub body: String,
    pub hidden_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
}

pub async fn comments(db: &Db, user_id: i64) -> StoreResult<Vec<Comment>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT c.id, c.proposal_id, p.title AS proposal_title, c.parent_id, c.body, c.hidden_reason, c.created_at,
             c.updated_at, c.deleted_at
         FROM comments c JOIN proposals p ON p.id = c.proposal_id WHERE c.author_id = $1 ORDER BY c.id"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)?)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Follow {
    pub proposal_id: i64,
    pub proposal_title: String,
    pub created_at: DateTime<Utc>,
}

pub async fn follows(db: &Db, user_id: i64) -> StoreResult<Vec<Follow>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT f.proposal_id, p.title AS proposal_title, f.created_at FROM follows f
         JOIN proposals p ON p.id = f.proposal_id WHERE f.user_id = $1 ORDER BY f.created_at, f.proposal_id"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)?)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Report {
    pub id: i64,
    pub target_kind: String,
    pub target_id: i64,
    pub reason: String,
    pub details: String,
    pub created_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
}

pub async fn reports(db: &Db, user_id: i64) -> StoreResult<Vec<Report>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT id, target_kind, target_id, reason, details, created_at, resolved_at FROM reports
         WHERE reporter_id = $1 ORDER BY id"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)?)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Ballot {
    pub id: i64,
    pub step_id: i64,
    pub step_title: String,
    pub project_title: String,
    pub code: String,
    pub envelope: i64,
    pub complete: bool,
    pub voter_district: Option<String>,
    pub voter_age_band: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[sqlx(skip)]
    pub choices: Vec<Choice>,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Choice {
    #[serde(skip)]
    pub ballot_id: i64,
    pub rank: i64,
    pub proposal_id: i64,
    pub proposal_title: String,
}

/// The person's online ballots with their choices in rank order.
pub async fn ballots(db: &Db, user_id: i64) -> StoreResult<Vec<Ballot>> {
    let mut list: Vec<Ballot> = on_db!(db, |p| sqlx::query_as(
        "SELECT b.id, b.step_id, s.title AS step_title, pr.title AS project_title, b.code, b.envelope, b.complete,
             d.name AS voter_district, b.voter_age_band, b.created_at, b.updated_at
         FROM ballots b JOIN steps s ON s.id = b.step_id JOIN projects pr ON pr.id = s.project_id
         LEFT JOIN districts d ON d.id = b.voter_district_id
         WHERE b.voter_id = $1 ORDER BY b.id"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)?;
    let choices: Vec<Choice> = on_db!(db, |p| sqlx::query_as(
        "SELECT c.ballot_id, c.rank, c.proposal_id, p.title AS proposal_title FROM ballot_choices c
         JOIN ballots b ON b.id = c.ballot_id JOIN proposals p ON p.id = c.proposal_id
         WHERE b.voter_id = $1 ORDER BY c.ballot_id, c.rank"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)?;
    for c in choices {
        if let Some(b) = list.iter_mut().find(|b| b.id == c.ballot_id) {
            b.choices.push(c);
        }
    }
    Ok(list)
}

/// Vote rules the person accepted.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Acceptance {
    pub step_id: i64,
    pub step_title: String,
    pub accepted_at: DateTime<Utc>,
}

pub async fn acceptances(db: &Db, user_id: i64) -> StoreResult<Vec<Acceptance>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT a.step_id, s.title AS step_title, a.accepted_at FROM vote_acceptances a
         JOIN steps s ON s.id = a.step_id WHERE a.user_id = $1 ORDER BY a.accepted_at, a.step_id"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)?)
}

/// A session, without its token hash.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Session {
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub user_agent: String,
}

pub async fn sessions(db: &Db, user_id: i64) -> StoreResult<Vec<Session>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT created_at, expires_at, user_agent FROM sessions WHERE user_id = $1 ORDER BY created_at"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)?)
}

/// An event the person registered for.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct EventRegistration {
    pub event_id: i64,
    pub title: String,
    pub status: String,
    pub created_at: DateTime<Utc>,
}

pub async fn event_registrations(db: &Db, user_id: i64) -> StoreResult<Vec<EventRegistration>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT r.event_id, e.title, r.status, r.created_at FROM event_registrations r
         JOIN events e ON e.id = r.event_id WHERE r.user_id = $1 ORDER BY r.id"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)?)
}
