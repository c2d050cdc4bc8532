//! Comments on proposals (one level of replies) and followers.

use chrono::{DateTime, Utc};

use super::{Db, StoreError, StoreResult, WriteTx, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Comment {
    pub id: i64,
    pub proposal_id: i64,
    pub parent_id: Option<i64>,
    pub author_id: i64,
    /// None when the author deleted their account.
    pub author_name: Option<String>,
    pub body: String,
    pub hidden_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
}

macro_rules! select {
    ($rest:literal) => {
        concat!(
            "SELECT c.id, c.proposal_id, c.parent_id, c.author_id, u.display_name AS author_name, c.body, c.hidden_reason,
                c.created_at, c.updated_at, c.deleted_at
             FROM comments c JOIN users u ON u.id = c.author_id ",
            $rest
        )
    };
}

pub async fn by_id(db: &Db, id: i64) -> StoreResult<Option<Comment>> {
    Ok(on_db!(db, |p| sqlx::query_as(select!("WHERE c.id = $1"))
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

/// The comments of a proposal, oldest first (replies follow their parent in the page).
pub async fn of_proposal(db: &Db, proposal_id: i64) -> StoreResult<Vec<Comment>> {
    Ok(on_db!(db, |p| sqlx::query_as(select!(
        "WHERE c.proposal_id = $1 ORDER BY c.id"
    ))
    .bind(proposal_id)
    .fetch_all(p)
    .await)?)
}

/// Adds a comment and counts it on the proposal, in one transaction.
pub async fn create(db: &Db, proposal_id: i64, parent_id: Option<i64>, author_id: i64, body: &str) -> StoreResult<i64> {
    let id = on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let now = now();
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO comments (proposal_id, parent_id, author_id, body, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
            )
            .bind(proposal_id)
            .bind(parent_id)
            .bind(author_id)
            .bind(body)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query("UPDATE proposals SET comment_count = comment_count + 1 WHERE id = $1")
                .bind(proposal_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok::<i64, sqlx::Error>(id)
        }
        .await
    })?;
    Ok(id)
}

pub async fn edit(db: &Db, id: i64, body: &str) -> StoreResult<()> {
    let n = on_db!(db, |p| sqlx::query(
        "UPDATE comments SET body = $2, updated_at = $3 WHERE id = $1 AND deleted_at IS NULL"
    )
    .bind(id)
    .bind(body)
    .bind(now())
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}

/// Deletes a comment's text (its place in the thread stays for the replies).
pub async fn delete(db: &Db, id: i64) -> StoreResult<()> {
    on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let n = sqlx::query("UPDATE comments SET body = '', deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL")
                .bind(id)
                .bind(now())
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if n == 1 {
                sqlx::query(
                    "UPDATE proposals SET comment_count = comment_count - 1 WHERE id = (SELECT proposal_id FROM comments WHERE id = $1)",
                )
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await
        }
        .await
    })?;
    Ok(())
}

pub async fn follow(db: &Db, user_id: i64, proposal_id: i64) -> StoreResult<()> {
    on_db!(db, |p| {
        sqlx::query(
        "INSERT INTO follows (user_id, proposal_id, created_at) VALUES ($1, $2, $3) ON CONFLICT (user_id, proposal_id) DO NOTHING"
    )
    .bind(user_id)
    .bind(proposal_id)
    .bind(now())
    .execute(p)
    .await
    .map(|_| ())
    })?;
    Ok(())
}

pub async fn unfollow(db: &Db, user_id: i64, proposal_id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "DELETE FROM follows WHERE user_id = $1 AND proposal_id = $2"
    )
    .bind(user_id)
    .bind(proposal_id)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

pub async fn is_following(db: &Db, user_id: i64, proposal_id: i64) -> StoreResult<bool> {
    let n: i64 = on_db!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM follows WHERE user_id = $1 AND proposal_id = $2"
    )
    .bind(user_id)
    .bind(proposal_id)
    .fetch_one(p)
    .await)?;
    Ok(n > 0)
}

pub async fn follower_count(db: &Db, proposal_id: i64) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM follows WHERE proposal_id = $1"
    )
    .bind(proposal_id)
    .fetch_one(p)
    .await)?)
}
