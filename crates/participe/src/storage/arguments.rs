//! Arguments for and against an opinion or a debate.

use chrono::{DateTime, Utc};
use participe_domain::consultation::Side;

use super::{Db, StoreError, StoreResult, WriteTx, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Argument {
    pub id: i64,
    pub opinion_id: Option<i64>,
    pub debate_id: Option<i64>,
    pub side: String,
    pub body: String,
    pub author_id: Option<i64>,
    /// The account's name; None for anonymous arguments and deleted accounts.
    pub author_name: Option<String>,
    /// Never shown: where an anonymous argument's confirmation went.
    #[serde(skip)]
    pub author_email: Option<String>,
    pub published: bool,
    pub hidden_reason: Option<String>,
    pub vote_count: i64,
    pub created_at: DateTime<Utc>,
}

impl Argument {
    pub fn is_public(&self) -> bool {
        self.published && self.hidden_reason.is_none()
    }
}

/// What an argument is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum About {
    Opinion(i64),
    Debate(i64),
}

impl About {
    fn ids(self) -> (Option<i64>, Option<i64>) {
        match self {
            About::Opinion(id) => (Some(id), None),
            About::Debate(id) => (None, Some(id)),
        }
    }
}

/// Who wrote an argument: an account, or an email address that must confirm.
pub enum Author<'a> {
    User(i64),
    Email { email: &'a str, token_hash: &'a str },
}

macro_rules! select {
    ($rest:literal) => {
        concat!(
            "SELECT a.id, a.opinion_id, a.debate_id, a.side, a.body, a.author_id, u.display_name AS author_name,
                a.author_email, a.published, a.hidden_reason, a.vote_count, a.created_at
             FROM arguments a LEFT JOIN users u ON u.id = a.author_id ",
            $rest
        )
    };
}

pub async fn by_id(db: &Db, id: i64) -> StoreResult<Option<Argument>> {
    Ok(on_db!(db, |p| sqlx::query_as(select!("WHERE a.id = $1"))
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

/// The public arguments of one side, most up-voted first or newest first.
pub async fn public(db: &Db, about: About, side: Side, by_votes: bool, limit: i64) -> StoreResult<Vec<Argument>> {
    let (opinion, debate) = about.ids();
    let order = if by_votes {
        "a.vote_count DESC, a.id"
    } else {
        "a.created_at DESC, a.id DESC"
    };
    let sql = format!(
        "{} WHERE (a.opinion_id = $1 OR a.debate_id = $2) AND a.side = $3 AND a.published AND a.hidden_reason IS NULL
         ORDER BY {order} LIMIT $4",
        select!("")
    );
    Ok(on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(opinion)
        .bind(debate)
        .bind(side.as_str())
        .bind(limit)
        .fetch_all(p)
        .await)?)
}

/// Recounts the public arguments of each side on the opinion (debates count
/// theirs when listing). Run after locking the opinion's row.
const RECOUNT: &str = "UPDATE opinions SET
     for_count = (SELECT COUNT(*) FROM arguments WHERE opinion_id = $1 AND side = 'for' AND published AND hidden_reason IS NULL),
     against_count = (SELECT COUNT(*) FROM arguments WHERE opinion_id = $1 AND side = 'against' AND published AND hidden_reason IS NULL)
 WHERE id = $1";
const LOCK_OPINION: &str = "UPDATE opinions SET updated_at = updated_at WHERE id = $1";

pub async fn create(
    db: &Db,
    about: About,
    side: Side,
    body: &str,
    author: Author<'_>,
    published: bool,
) -> StoreResult<i64> {
    let (opinion, debate) = about.ids();
    let (user, email, token) = match author {
        Author::User(id) => (Some(id), None, None),
        Author::Email { email, token_hash } => (None, Some(email), Some(token_hash)),
    };
    Ok(on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            if let Some(o) = opinion {
                sqlx::query(LOCK_OPINION).bind(o).execute(&mut *tx).await?;
            }
            let now = now();
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO arguments (opinion_id, debate_id, side, body, author_id, author_email, confirm_token_hash,
                     published, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
            )
            .bind(opinion)
            .bind(debate)
            .bind(side.as_str())
            .bind(body)
            .bind(user)
            .bind(email)
            .bind(token)
            .bind(published)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            if let Some(o) = opinion {
                sqlx::query(RECOUNT).bind(o).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok::<i64, sqlx::Error>(id)
        }
        .await
    })?)
}

/// Recounts an opinion's arguments (after moderation published or hid one).
pub async fn refresh_counts(db: &Db, opinion_id: i64) -> StoreResult<()> {
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

/// Counts per side of a debate's public arguments: (for, against).
pub async fn debate_counts(db: &Db, debate_id: i64) -> StoreResult<(i64, i64)> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT COALESCE(SUM(CASE WHEN side = 'for' THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN side = 'against' THEN 1 ELSE 0 END), 0)
         FROM arguments WHERE debate_id = $1 AND published AND hidden_reason IS NULL"
    )
    .bind(debate_id)
    .fetch_one(p)
    .await)?)
}

/// Arguments waiting for pre-moderation (confirmed, if anonymous), oldest first.
pub async fn pending(db: &Db) -> StoreResult<Vec<Argument>> {
    Ok(on_db!(db, |p| sqlx::query_as(select!(
        "WHERE NOT a.published AND a.hidden_reason IS NULL AND a.confirm_token_hash IS NULL ORDER BY a.id LIMIT 200"
    ))
    .fetch_all(p)
    .await)?)
}

/// Publishes an argument and recounts its opinion's.
pub async fn publish(db: &Db, id: i64) -> StoreResult<()> {
    let Some(a) = by_id(db, id).await? else {
        return Err(StoreError::NotFound);
    };
    on_db!(db, |p| sqlx::query(
        "UPDATE arguments SET published = TRUE WHERE id = $1"
    )
    .bind(id)
    .execute(p)
    .await
    .map(|_| ()))?;
    if let Some(o) = a.opinion_id {
        refresh_counts(db, o).await?;
    }
    Ok(())
}
