//! Sources backing an opinion (a report, a study, an article), and the
//! categories administrators offer for them.

use chrono::{DateTime, Utc};
use participe_domain::consultation::SourceInput;

use super::{Db, StoreError, StoreResult, WriteTx, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Source {
    pub id: i64,
    pub opinion_id: i64,
    pub category_id: Option<i64>,
    pub category: Option<String>,
    pub title: String,
    pub url: String,
    pub description: String,
    pub author_id: i64,
    pub author_name: Option<String>,
    pub published: bool,
    pub hidden_reason: Option<String>,
    pub vote_count: i64,
    pub created_at: DateTime<Utc>,
}

macro_rules! select {
    ($rest:literal) => {
        concat!(
            "SELECT s.id, s.opinion_id, s.category_id, c.name AS category, s.title, s.url, s.description, s.author_id,
                u.display_name AS author_name, s.published, s.hidden_reason, s.vote_count, s.created_at
             FROM sources s LEFT JOIN source_categories c ON c.id = s.category_id
             LEFT JOIN users u ON u.id = s.author_id ",
            $rest
        )
    };
}

pub async fn by_id(db: &Db, id: i64) -> StoreResult<Option<Source>> {
    Ok(on_db!(db, |p| sqlx::query_as(select!("WHERE s.id = $1"))
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

/// The public sources of an opinion, most up-voted first.
pub async fn public(db: &Db, opinion_id: i64) -> StoreResult<Vec<Source>> {
    Ok(on_db!(db, |p| sqlx::query_as(select!(
        "WHERE s.opinion_id = $1 AND s.published AND s.hidden_reason IS NULL ORDER BY s.vote_count DESC, s.id LIMIT 200"
    ))
    .bind(opinion_id)
    .fetch_all(p)
    .await)?)
}

const RECOUNT: &str = "UPDATE opinions SET source_count = (SELECT COUNT(*) FROM sources
     WHERE opinion_id = $1 AND published AND hidden_reason IS NULL) WHERE id = $1";
const LOCK_OPINION: &str = "UPDATE opinions SET updated_at = updated_at WHERE id = $1";

pub async fn create(db: &Db, opinion_id: i64, author: i64, s: &SourceInput, published: bool) -> StoreResult<i64> {
    Ok(on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            sqlx::query(LOCK_OPINION).bind(opinion_id).execute(&mut *tx).await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO sources (opinion_id, category_id, title, url, description, author_id, published, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(opinion_id)
            .bind(s.category_id)
            .bind(&s.title)
            .bind(&s.url)
            .bind(&s.description)
            .bind(author)
            .bind(published)
            .bind(now())
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(RECOUNT).bind(opinion_id).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok::<i64, sqlx::Error>(id)
        }
        .await
    })?)
}

/// Recounts an opinion's sources (after moderation).
pub async fn refresh_count(db: &Db, opinion_id: i64) -> StoreResult<()> {
    on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            sqlx::query(LOCK_OPINION).bind(opinion_id).execute(&mut *tx).await?;
            sqlx::query(RECOUNT).bind(opinion_id).execute(&mut *tx).await?;
            tx.commit().await
        }
        .await
    })?;
    Ok(())
}

pub async fn pending(db: &Db) -> StoreResult<Vec<Source>> {
    Ok(on_db!(db, |p| sqlx::query_as(select!(
        "WHERE NOT s.published AND s.hidden_reason IS NULL ORDER BY s.id LIMIT 200"
    ))
    .fetch_all(p)
    .await)?)
}

pub async fn publish(db: &Db, id: i64) -> StoreResult<()> {
    let Some(s) = by_id(db, id).await? else {
        return Err(StoreError::NotFound);
    };
    on_db!(db, |p| sqlx::query("UPDATE sources SET published = TRUE WHERE id = $1")
        .bind(id)
        .execute(p)
        .await
        .map(|_| ()))?;
    refresh_count(db, s.opinion_id).await
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Category {
    pub id: i64,
    pub name: String,
}

pub async fn categories(db: &Db) -> StoreResult<Vec<Category>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT id, name FROM source_categories ORDER BY position, name"
    )
    .fetch_all(p)
    .await)?)
}

pub async fn add_category(db: &Db, name: &str) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "INSERT INTO source_categories (name, position)
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM source_categories)) RETURNING id"
    )
    .bind(name)
    .fetch_one(p)
    .await)?)
}

pub async fn delete_category(db: &Db, id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query("DELETE FROM source_categories WHERE id = $1")
        .bind(id)
        .execute(p)
        .await
        .map(|_| ()))?;
    Ok(())
}
