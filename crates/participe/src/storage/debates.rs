//! Debates of a step, their for/against votes (by account, or by email
//! address once confirmed) and their press articles.

use chrono::{DateTime, NaiveDate, Utc};
use participe_domain::consultation::Side;
use participe_domain::debate::{ArticleInput, DebateInput};

use super::{Db, StoreError, StoreResult, WriteTx, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Debate {
    pub id: i64,
    pub step_id: i64,
    pub question: String,
    pub mode: String,
    pub text_for: String,
    pub text_against: String,
    pub body: String,
    pub anonymous_allowed: bool,
    pub pre_moderation: bool,
    pub for_count: i64,
    pub against_count: i64,
    pub created_at: DateTime<Utc>,
}

const SELECT: &str = "SELECT id, step_id, question, mode, text_for, text_against, body, anonymous_allowed,
    pre_moderation, for_count, against_count, created_at FROM debates";

pub async fn by_id(db: &Db, id: i64) -> StoreResult<Option<Debate>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = $1"));
    Ok(on_db!(db, |p| sqlx::query_as(sql).bind(id).fetch_optional(p).await)?)
}

pub async fn of_step(db: &Db, step_id: i64) -> StoreResult<Vec<Debate>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT} WHERE step_id = $1 ORDER BY id"));
    Ok(on_db!(db, |p| sqlx::query_as(sql).bind(step_id).fetch_all(p).await)?)
}

/// A new debate with only its question; the manager then writes its texts.
pub async fn create(db: &Db, step_id: i64, question: &str) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "INSERT INTO debates (step_id, question, mode, created_at) VALUES ($1, $2, 'free', $3) RETURNING id"
    )
    .bind(step_id)
    .bind(question)
    .bind(now())
    .fetch_one(p)
    .await)?)
}

pub async fn update(db: &Db, id: i64, d: &DebateInput) -> StoreResult<()> {
    let n = on_db!(db, |p| sqlx::query(
        "UPDATE debates SET question = $2, mode = $3, text_for = $4, text_against = $5, body = $6,
             anonymous_allowed = $7, pre_moderation = $8 WHERE id = $1"
    )
    .bind(id)
    .bind(&d.question)
    .bind(d.mode.as_str())
    .bind(&d.text_for)
    .bind(&d.text_against)
    .bind(&d.body)
    .bind(d.anonymous_allowed)
    .bind(d.pre_moderation)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}

/// Locks the debate's row (PostgreSQL; SQLite's write transaction already
/// excludes other writers), then recounts its confirmed votes.
const LOCK: &str = "UPDATE debates SET for_count = for_count WHERE id = $1";
const RECOUNT: &str = "UPDATE debates SET
     for_count = (SELECT COUNT(*) FROM debate_votes WHERE debate_id = $1 AND side = 'for' AND confirmed_at IS NOT NULL),
     against_count = (SELECT COUNT(*) FROM debate_votes WHERE debate_id = $1 AND side = 'against' AND confirmed_at IS NOT NULL)
 WHERE id = $1 RETURNING for_count, against_count";

/// Records (or, with `None`, withdraws) an account's side and returns the
/// new counts (for, against). One vote per person, counted exactly once.
pub async fn vote(db: &Db, debate_id: i64, user_id: i64, side: Option<Side>) -> StoreResult<(i64, i64)> {
    let counts = on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            if sqlx::query(LOCK).bind(debate_id).execute(&mut *tx).await?.rows_affected() == 0 {
                return Ok(None);
            }
            let now = now();
            match side {
                Some(s) => {
                    sqlx::query(
                        "INSERT INTO debate_votes (debate_id, user_id, side, confirmed_at, created_at, updated_at)
                         VALUES ($1, $2, $3, $4, $4, $4)
                         ON CONFLICT (debate_id, user_id) DO UPDATE SET side = excluded.side, updated_at = excluded.updated_at",
                    )
                    .bind(debate_id)
                    .bind(user_id)
                    .bind(s.as_str())
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                None => {
                    sqlx::query("DELETE FROM debate_votes WHERE debate_id = $1 AND user_id = $2")
                        .bind(debate_id)
                        .bind(user_id)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            let counts: (i64, i64) = sqlx::query_as(RECOUNT).bind(debate_id).fetch_one(&mut *tx).await?;
            tx.commit().await?;
            Ok::<_, sqlx::Error>(Some(counts))
        }
        .await
    })?;
    counts.ok_or(StoreError::NotFound)
}

/// Records the side of an email address, not counted until the link sent
/// to it is followed. A new submission from the same address replaces the
/// earlier one and needs a new confirmation.
pub async fn vote_by_email(db: &Db, debate_id: i64, email: &str, side: Side, token_hash: &str) -> StoreResult<()> {
    on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            sqlx::query(LOCK).bind(debate_id).execute(&mut *tx).await?;
            let now = now();
            sqlx::query(
                "INSERT INTO debate_votes (debate_id, email, side, confirm_token_hash, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $5)
                 ON CONFLICT (debate_id, email) DO UPDATE SET side = excluded.side,
                     confirm_token_hash = excluded.confirm_token_hash, confirmed_at = NULL, updated_at = excluded.updated_at",
            )
            .bind(debate_id)
            .bind(email)
            .bind(side.as_str())
            .bind(token_hash)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            sqlx::query(RECOUNT).bind(debate_id).execute(&mut *tx).await?;
            tx.commit().await
        }
        .await
    })?;
    Ok(())
}

/// Follows an emailed confirmation link: counts the vote and publishes the
/// argument it came with (unless the debate waits for moderators). Returns
/// the debate's id, or None for an unknown or used link.
pub async fn confirm(db: &Db, token_hash: &str) -> StoreResult<Option<i64>> {
    Ok(on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let now = now();
            let vote: Option<i64> = sqlx::query_scalar(
                "UPDATE debate_votes SET confirmed_at = $2, confirm_token_hash = NULL
                 WHERE confirm_token_hash = $1 RETURNING debate_id",
            )
            .bind(token_hash)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(d) = vote {
                sqlx::query(LOCK).bind(d).execute(&mut *tx).await?;
                sqlx::query(RECOUNT).bind(d).execute(&mut *tx).await?;
            }
            let argument: Option<i64> = sqlx::query_scalar(
                "UPDATE arguments SET confirm_token_hash = NULL,
                     published = NOT (SELECT pre_moderation FROM debates WHERE debates.id = arguments.debate_id)
                 WHERE confirm_token_hash = $1 RETURNING debate_id",
            )
            .bind(token_hash)
            .fetch_optional(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok::<_, sqlx::Error>(vote.or(argument))
        }
        .await
    })?)
}

/// An account's side in a debate.
pub async fn side_of(db: &Db, debate_id: i64, user_id: i64) -> StoreResult<Option<Side>> {
    let s: Option<String> = on_db!(db, |p| sqlx::query_scalar(
        "SELECT side FROM debate_votes WHERE debate_id = $1 AND user_id = $2"
    )
    .bind(debate_id)
    .bind(user_id)
    .fetch_optional(p)
    .await)?;
    Ok(s.and_then(|s| Side::parse(&s).ok()))
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct PressArticle {
    pub id: i64,
    pub debate_id: i64,
    pub title: String,
    pub url: String,
    pub published_on: Option<NaiveDate>,
    /// The stored image's name (under /uploads/), when there is one.
    pub image_path: Option<String>,
    pub image_alt: String,
}

pub async fn articles(db: &Db, debate_id: i64) -> StoreResult<Vec<PressArticle>> {
    Ok(on_db!(db, |p| {
        sqlx::query_as(
        "SELECT id, debate_id, title, url, published_on, image AS image_path, image_alt FROM debate_articles WHERE debate_id = $1
         ORDER BY published_on IS NULL, published_on DESC, position, id"
    )
    .bind(debate_id)
    .fetch_all(p)
    .await
    })?)
}

/// Adds a press article; `image` is the stored image's name and its text
/// alternative.
pub async fn add_article(db: &Db, debate_id: i64, a: &ArticleInput, image: Option<(&str, &str)>) -> StoreResult<i64> {
    Ok(on_db!(db, |p| {
        sqlx::query_scalar(
        "INSERT INTO debate_articles (debate_id, title, url, published_on, position, image, image_alt)
         VALUES ($1, $2, $3, $4, (SELECT COALESCE(MAX(position), 0) + 1 FROM debate_articles WHERE debate_id = $1), $5, $6)
         RETURNING id"
    )
    .bind(debate_id)
    .bind(&a.title)
    .bind(&a.url)
    .bind(a.published_on)
    .bind(image.map(|i| i.0))
    .bind(image.map_or("", |i| i.1))
    .fetch_one(p)
    .await
    })?)
}

pub async fn article(db: &Db, id: i64) -> StoreResult<Option<PressArticle>> {
    Ok(on_db!(db, |p| {
        sqlx::query_as(
        "SELECT id, debate_id, title, url, published_on, image AS image_path, image_alt FROM debate_articles WHERE id = $1"
    )
    .bind(id)
    .fetch_optional(p)
    .await
    })?)
}

pub async fn delete_article(db: &Db, id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query("DELETE FROM debate_articles WHERE id = $1")
        .bind(id)
        .execute(p)
        .await
        .map(|_| ()))?;
    Ok(())
}
