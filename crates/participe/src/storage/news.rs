//! News posts, what they are about (projects, themes, proposals) and their
//! comments.

use chrono::{DateTime, Utc};

use super::{Db, StoreError, StoreResult, WriteTx, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Post {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub cover_path: Option<String>,
    pub cover_alt: String,
    pub published_at: Option<DateTime<Utc>>,
    pub comments_enabled: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Post {
    /// Whether visitors see it at `at`.
    pub fn is_public(&self, at: DateTime<Utc>) -> bool {
        self.published_at.is_some_and(|p| p <= at)
    }
}

macro_rules! post_columns {
    () => {
        "n.id, n.title, n.summary, n.body, n.cover_path, n.cover_alt, n.published_at, n.comments_enabled,
         n.created_at, n.updated_at"
    };
}

/// The stored fields of a post, its date in UTC, and what it is about.
#[derive(Debug, Clone, Default)]
pub struct PostData {
    pub title: String,
    pub summary: String,
    pub body: String,
    pub published_at: Option<DateTime<Utc>>,
    pub comments_enabled: bool,
    pub projects: Vec<i64>,
    pub themes: Vec<i64>,
    pub proposals: Vec<i64>,
}

pub async fn get(db: &Db, id: i64) -> StoreResult<Post> {
    on_db!(db, |p| sqlx::query_as(concat!(
        "SELECT ",
        post_columns!(),
        " FROM news_posts n WHERE n.id = $1"
    ))
    .bind(id)
    .fetch_optional(p)
    .await)?
    .ok_or(StoreError::NotFound)
}

/// Every post, drafts first then the latest, for the back office.
pub async fn all(db: &Db) -> StoreResult<Vec<Post>> {
    Ok(on_db!(db, |p| sqlx::query_as(concat!(
        "SELECT ",
        post_columns!(),
        " FROM news_posts n ORDER BY n.published_at IS NOT NULL, n.published_at DESC, n.id DESC"
    ))
    .fetch_all(p)
    .await)?)
}

/// The posts visible at `at`, latest first.
pub async fn published(db: &Db, at: DateTime<Utc>, limit: i64, offset: i64) -> StoreResult<Vec<Post>> {
    Ok(on_db!(db, |p| sqlx::query_as(concat!(
        "SELECT ",
        post_columns!(),
        " FROM news_posts n WHERE n.published_at <= $1 ORDER BY n.published_at DESC, n.id DESC LIMIT $2 OFFSET $3"
    ))
    .bind(at)
    .bind(limit)
    .bind(offset)
    .fetch_all(p)
    .await)?)
}

pub async fn count_published(db: &Db, at: DateTime<Utc>) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM news_posts WHERE published_at <= $1"
    )
    .bind(at)
    .fetch_one(p)
    .await)?)
}

/// A project's posts visible at `at`, latest first.
pub async fn of_project(db: &Db, project_id: i64, at: DateTime<Utc>, limit: i64) -> StoreResult<Vec<Post>> {
    Ok(on_db!(db, |p| sqlx::query_as(concat!(
        "SELECT ",
        post_columns!(),
        " FROM news_posts n JOIN news_projects np ON np.news_id = n.id
          WHERE np.project_id = $1 AND n.published_at <= $2 ORDER BY n.published_at DESC, n.id DESC LIMIT $3"
    ))
    .bind(project_id)
    .bind(at)
    .bind(limit)
    .fetch_all(p)
    .await)?)
}

/// What a post is about: (kind, id, title, slug or empty, public) rows,
/// kind being "project", "theme" or "proposal".
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Link {
    pub kind: String,
    pub id: i64,
    pub title: String,
    pub slug: String,
    pub public: bool,
}

pub async fn links(db: &Db, news_id: i64) -> StoreResult<Vec<Link>> {
    Ok(on_db!(db, |p| {
        sqlx::query_as(
        "SELECT 'project' AS kind, pr.id, pr.title, pr.slug, pr.visibility = 'public' AS public
           FROM news_projects np JOIN projects pr ON pr.id = np.project_id WHERE np.news_id = $1
         UNION ALL
         SELECT 'theme', t.id, t.name, '', TRUE FROM news_themes nt JOIN themes t ON t.id = nt.theme_id WHERE nt.news_id = $1
         UNION ALL
         SELECT 'proposal', pp.id, pp.title, '', pp.state = 'published' AND pp.hidden_reason IS NULL
           FROM news_proposals np2 JOIN proposals pp ON pp.id = np2.proposal_id WHERE np2.news_id = $1
         ORDER BY 1, 3"
    )
    .bind(news_id)
    .fetch_all(p)
    .await
    })?)
}

/// Saves a post (a new one when `id` is `None`) with what it is about; a
/// project, theme or proposal that does not exist gives
/// `StoreError::Conflict` and nothing is saved.
pub async fn save(db: &Db, id: Option<i64>, d: &PostData) -> StoreResult<i64> {
    let t = now();
    Ok(on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let id: i64 = match id {
                Some(id) => {
                    let n = sqlx::query(
                        "UPDATE news_posts SET title = $2, summary = $3, body = $4, published_at = $5,
                                comments_enabled = $6, updated_at = $7 WHERE id = $1",
                    )
                    .bind(id)
                    .bind(&d.title)
                    .bind(&d.summary)
                    .bind(&d.body)
                    .bind(d.published_at)
                    .bind(d.comments_enabled)
                    .bind(t)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    if n == 0 {
                        return Err(sqlx::Error::RowNotFound);
                    }
                    id
                }
                None => {
                    sqlx::query_scalar(
                        "INSERT INTO news_posts (title, summary, body, published_at, comments_enabled, created_at, updated_at)
                         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
                    )
                    .bind(&d.title)
                    .bind(&d.summary)
                    .bind(&d.body)
                    .bind(d.published_at)
                    .bind(d.comments_enabled)
                    .bind(t)
                    .fetch_one(&mut *tx)
                    .await?
                }
            };
            for (table, column, ids) in [
                ("news_projects", "project_id", &d.projects),
                ("news_themes", "theme_id", &d.themes),
                ("news_proposals", "proposal_id", &d.proposals),
            ] {
                sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {table} WHERE news_id = $1")))
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                for other in ids {
                    sqlx::query(sqlx::AssertSqlSafe(format!(
                        "INSERT INTO {table} (news_id, {column}) VALUES ($1, $2)"
                    )))
                    .bind(id)
                    .bind(other)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            tx.commit().await?;
            Ok::<i64, sqlx::Error>(id)
        }
        .await
    })?)
}

pub async fn set_cover(db: &Db, id: i64, path: Option<&str>, alt: &str) -> StoreResult<()> {
    let n = on_db!(db, |p| sqlx::query(
        "UPDATE news_posts SET cover_path = $2, cover_alt = $3 WHERE id = $1"
    )
    .bind(id)
    .bind(path)
    .bind(alt)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}

pub async fn delete(db: &Db, id: i64) -> StoreResult<()> {
    let n = on_db!(db, |p| sqlx::query("DELETE FROM news_posts WHERE id = $1")
        .bind(id)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
    if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Comment {
    pub id: i64,
    pub news_id: i64,
    pub author_id: i64,
    pub author_name: Option<String>,
    pub body: String,
    pub hidden_reason: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A post's comments, oldest first.
pub async fn comments(db: &Db, news_id: i64) -> StoreResult<Vec<Comment>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT c.id, c.news_id, c.author_id, u.display_name AS author_name, c.body, c.hidden_reason, c.created_at
         FROM news_comments c JOIN users u ON u.id = c.author_id WHERE c.news_id = $1 ORDER BY c.id"
    )
    .bind(news_id)
    .fetch_all(p)
    .await)?)
}

pub async fn add_comment(db: &Db, news_id: i64, author: i64, body: &str) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "INSERT INTO news_comments (news_id, author_id, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id"
    )
    .bind(news_id)
    .bind(author)
    .bind(body)
    .bind(now())
    .fetch_one(p)
    .await)?)
}

/// Hides a comment with the public reason; the post it belongs to.
pub async fn hide_comment(db: &Db, id: i64, reason: &str) -> StoreResult<i64> {
    on_db!(db, |p| sqlx::query_scalar(
        "UPDATE news_comments SET hidden_reason = $2 WHERE id = $1 RETURNING news_id"
    )
    .bind(id)
    .bind(reason)
    .fetch_optional(p)
    .await)?
    .ok_or(StoreError::NotFound)
}
