//! What the platform keeps about one person in consultations and debates,
//! for the personal-data download: the texts they wrote, their votes,
//! arguments, sources, up-votes, debate sides and follows.

use chrono::{DateTime, Utc};

use super::{Db, StoreResult};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Opinion {
    pub id: i64,
    pub kind: String,
    pub amends_id: Option<i64>,
    pub title: String,
    pub body: String,
    pub appendix: String,
    pub published: bool,
    pub hidden_reason: Option<String>,
    pub created_at: DateTime<Utc>,
}

pub async fn opinions(db: &Db, user_id: i64) -> StoreResult<Vec<Opinion>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT id, kind, amends_id, title, body, appendix, published, hidden_reason, created_at
         FROM opinions WHERE author_id = $1 AND kind <> 'article' ORDER BY id"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)?)
}

/// A vote: on a text (agree, mixed, disagree) or a side in a debate.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Vote {
    pub about: String,
    pub id: i64,
    pub title: String,
    pub value: String,
    pub created_at: DateTime<Utc>,
}

pub async fn votes(db: &Db, user_id: i64) -> StoreResult<Vec<Vote>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT 'opinion' AS about, o.id, o.title, v.value, v.created_at
         FROM opinion_votes v JOIN opinions o ON o.id = v.opinion_id WHERE v.user_id = $1
         UNION ALL
         SELECT 'debate', d.id, d.question, v.side, v.created_at
         FROM debate_votes v JOIN debates d ON d.id = v.debate_id WHERE v.user_id = $1
         ORDER BY 5, 2"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)?)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Argument {
    pub id: i64,
    pub opinion_id: Option<i64>,
    pub debate_id: Option<i64>,
    pub side: String,
    pub body: String,
    pub published: bool,
    pub hidden_reason: Option<String>,
    pub created_at: DateTime<Utc>,
}

pub async fn arguments(db: &Db, user_id: i64) -> StoreResult<Vec<Argument>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT id, opinion_id, debate_id, side, body, published, hidden_reason, created_at
         FROM arguments WHERE author_id = $1 ORDER BY id"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)?)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Source {
    pub id: i64,
    pub opinion_id: i64,
    pub title: String,
    pub url: String,
    pub description: String,
    pub published: bool,
    pub hidden_reason: Option<String>,
    pub created_at: DateTime<Utc>,
}

pub async fn sources(db: &Db, user_id: i64) -> StoreResult<Vec<Source>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT id, opinion_id, title, url, description, published, hidden_reason, created_at
         FROM sources WHERE author_id = $1 ORDER BY id"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)?)
}

/// An up-vote given to an argument or a source.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Upvote {
    pub kind: String,
    pub id: i64,
}

pub async fn upvotes(db: &Db, user_id: i64) -> StoreResult<Vec<Upvote>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT 'argument' AS kind, argument_id AS id FROM argument_votes WHERE user_id = $1
         UNION ALL SELECT 'source', source_id FROM source_votes WHERE user_id = $1 ORDER BY 1, 2"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)?)
}

/// The consultation texts the person follows.
pub async fn follows(db: &Db, user_id: i64) -> StoreResult<Vec<i64>> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT opinion_id FROM opinion_follows WHERE user_id = $1 ORDER BY opinion_id"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)?)
}

/// One answer of the person's questionnaire replies and drafts.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ReplyAnswer {
    pub step_id: i64,
    pub reply_id: i64,
    pub draft: bool,
    pub question: String,
    pub value: String,
}

/// The person's questionnaire answers. Votation ballots are not among them:
/// they are stored without the voter; only the participation is.
pub async fn replies(db: &Db, user_id: i64) -> StoreResult<Vec<ReplyAnswer>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT r.step_id, r.id AS reply_id, r.draft, q.label AS question, a.value
         FROM questionnaire_replies r JOIN reply_answers a ON a.reply_id = r.id
         JOIN form_questions q ON q.id = a.question_id
         WHERE r.user_id = $1 ORDER BY r.id, q.position"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)?)
}

/// The questionnaires and votations the person took part in (day only).
pub async fn participations(db: &Db, user_id: i64) -> StoreResult<Vec<(i64, chrono::NaiveDate)>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT step_id, replied_on FROM questionnaire_participants WHERE user_id = $1 ORDER BY step_id"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)?)
}
