//! Opinions of a consultation: the organisers' articles, participants'
//! contributions and amendments; their agree / mixed / disagree votes and
//! followers.

use chrono::{DateTime, Utc};
use participe_domain::consultation::{OpinionSort, OpinionVote, VoteCounts};

use super::{Db, StoreError, StoreResult, WriteTx, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Opinion {
    pub id: i64,
    pub section_id: i64,
    pub amends_id: Option<i64>,
    /// article, contribution or amendment.
    pub kind: String,
    pub author_id: Option<i64>,
    pub author_name: Option<String>,
    pub title: String,
    pub body: String,
    pub appendix: String,
    pub pinned: bool,
    pub position: i64,
    pub published: bool,
    pub hidden_reason: Option<String>,
    pub answer: String,
    pub answered_at: Option<DateTime<Utc>>,
    pub agree_count: i64,
    pub mixed_count: i64,
    pub disagree_count: i64,
    pub for_count: i64,
    pub against_count: i64,
    pub source_count: i64,
    pub amendment_count: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Opinion {
    pub fn counts(&self) -> VoteCounts {
        VoteCounts {
            agree: self.agree_count,
            mixed: self.mixed_count,
            disagree: self.disagree_count,
        }
    }

    /// Shown to everyone: published and not hidden by moderation.
    pub fn is_public(&self) -> bool {
        self.published && self.hidden_reason.is_none()
    }
}

macro_rules! select {
    ($rest:literal) => {
        concat!(
            "SELECT o.id, o.section_id, o.amends_id, o.kind, o.author_id, u.display_name AS author_name, o.title,
                o.body, o.appendix, o.pinned, o.position, o.published, o.hidden_reason, o.answer, o.answered_at,
                o.agree_count, o.mixed_count, o.disagree_count, o.for_count, o.against_count, o.source_count,
                o.amendment_count, o.created_at, o.updated_at
             FROM opinions o LEFT JOIN users u ON u.id = o.author_id ",
            $rest
        )
    };
}

pub async fn by_id(db: &Db, id: i64) -> StoreResult<Option<Opinion>> {
    Ok(on_db!(db, |p| sqlx::query_as(select!("WHERE o.id = $1"))
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

/// The ORDER BY of a sort; pinned opinions always come first.
fn order_by(sort: OpinionSort) -> &'static str {
    match sort {
        OpinionSort::Position => "o.pinned DESC, o.position, o.id",
        OpinionSort::Random => "o.pinned DESC, ((o.id * 2654435761 + $4) % 4294967291), o.id",
        OpinionSort::Newest => "o.pinned DESC, o.created_at DESC, o.id DESC",
        OpinionSort::Oldest => "o.pinned DESC, o.created_at, o.id",
        OpinionSort::Favourable => "o.pinned DESC, (o.agree_count - o.disagree_count) DESC, o.agree_count DESC, o.id",
        OpinionSort::MostVotes => "o.pinned DESC, (o.agree_count + o.mixed_count + o.disagree_count) DESC, o.id",
        OpinionSort::MostArguments => "o.pinned DESC, (o.for_count + o.against_count) DESC, o.id",
    }
}

/// One page of the public opinions of a section (not amendments), or of the
/// public amendments of an opinion when `amends` is set.
pub async fn page(
    db: &Db,
    section_id: i64,
    amends: Option<i64>,
    sort: OpinionSort,
    seed: i64,
    limit: i64,
    offset: i64,
) -> StoreResult<Vec<Opinion>> {
    let filter = if amends.is_some() {
        "WHERE o.amends_id = $5 AND o.published AND o.hidden_reason IS NULL"
    } else {
        "WHERE o.section_id = $1 AND o.amends_id IS NULL AND o.published AND o.hidden_reason IS NULL"
    };
    let sql = format!(
        "{} {filter} AND $1 = $1 AND $4 = $4 AND $5 = $5 ORDER BY {} LIMIT $2 OFFSET $3",
        select!(""),
        order_by(sort)
    );
    Ok(on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(section_id)
        .bind(limit)
        .bind(offset)
        .bind(seed.rem_euclid(1 << 31))
        .bind(amends.unwrap_or(0))
        .fetch_all(p)
        .await)?)
}

/// How many public amendments an opinion has (for paging).
pub async fn count_public_amendments(db: &Db, opinion_id: i64) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM opinions WHERE amends_id = $1 AND published AND hidden_reason IS NULL"
    )
    .bind(opinion_id)
    .fetch_one(p)
    .await)?)
}

/// Which new opinion to create.
pub struct NewOpinion<'a> {
    pub section_id: i64,
    pub amends_id: Option<i64>,
    pub kind: &'a str,
    pub author_id: i64,
    pub title: &'a str,
    pub body: &'a str,
    pub appendix: &'a str,
    pub published: bool,
}

/// Adds an opinion at the end of its section; an amendment also counts on
/// the opinion it amends (when published).
pub async fn create(db: &Db, n: &NewOpinion<'_>) -> StoreResult<i64> {
    Ok(on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let now = now();
            if let Some(parent) = n.amends_id {
                sqlx::query(LOCK_OPINION).bind(parent).execute(&mut *tx).await?;
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO opinions (section_id, amends_id, kind, author_id, title, body, appendix, published,
                     position, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
                     (SELECT COALESCE(MAX(position), 0) + 1 FROM opinions WHERE section_id = $1), $9, $9)
                 RETURNING id",
            )
            .bind(n.section_id)
            .bind(n.amends_id)
            .bind(n.kind)
            .bind(n.author_id)
            .bind(n.title)
            .bind(n.body)
            .bind(n.appendix)
            .bind(n.published)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            if let Some(parent) = n.amends_id {
                sqlx::query(RECOUNT_AMENDMENTS).bind(parent).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok::<i64, sqlx::Error>(id)
        }
        .await
    })?)
}

/// Recounts an opinion's public amendments. Run after locking that row
/// (`LOCK_OPINION`), so that concurrent writers recount one after the other.
const RECOUNT_AMENDMENTS: &str = "UPDATE opinions SET amendment_count = (SELECT COUNT(*) FROM opinions a
     WHERE a.amends_id = $1 AND a.published AND a.hidden_reason IS NULL)
 WHERE id = $1";

/// Takes the row lock of an opinion on PostgreSQL (SQLite's write
/// transaction already excludes other writers); no row means no opinion.
const LOCK_OPINION: &str = "UPDATE opinions SET updated_at = updated_at WHERE id = $1";

/// Recounts the amendments of `opinion_id` (after moderation changed one).
pub async fn refresh_amendment_count(db: &Db, opinion_id: i64) -> StoreResult<()> {
    on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            sqlx::query(LOCK_OPINION).bind(opinion_id).execute(&mut *tx).await?;
            sqlx::query(RECOUNT_AMENDMENTS)
                .bind(opinion_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await
        }
        .await
    })?;
    Ok(())
}

/// The organisers' edit of an article (or of any opinion's title and text).
pub async fn update_text(db: &Db, id: i64, title: &str, body: &str, appendix: &str) -> StoreResult<()> {
    let n = on_db!(db, |p| sqlx::query(
        "UPDATE opinions SET title = $2, body = $3, appendix = $4, updated_at = $5 WHERE id = $1"
    )
    .bind(id)
    .bind(title)
    .bind(body)
    .bind(appendix)
    .bind(now())
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}

pub async fn set_pinned(db: &Db, id: i64, pinned: bool) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query("UPDATE opinions SET pinned = $2 WHERE id = $1")
        .bind(id)
        .bind(pinned)
        .execute(p)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// Publishes the official answer (empty clears it).
pub async fn set_answer(db: &Db, id: i64, answer: &str) -> StoreResult<()> {
    let at = (!answer.is_empty()).then(now);
    on_db!(db, |p| sqlx::query(
        "UPDATE opinions SET answer = $2, answered_at = $3 WHERE id = $1"
    )
    .bind(id)
    .bind(answer)
    .bind(at)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

pub async fn delete(db: &Db, id: i64) -> StoreResult<()> {
    let parent = by_id(db, id).await?.and_then(|o| o.amends_id);
    on_db!(db, |p| sqlx::query("DELETE FROM opinions WHERE id = $1")
        .bind(id)
        .execute(p)
        .await
        .map(|_| ()))?;
    if let Some(parent) = parent {
        refresh_amendment_count(db, parent).await?;
    }
    Ok(())
}

/// Records `user`'s vote on an opinion (replacing an earlier one) and
/// recounts the opinion's three counters, in one transaction. The opinion's
/// row is locked first, so concurrent votes recount one after the other and
/// every vote is counted exactly once.
pub async fn vote(db: &Db, opinion_id: i64, user_id: i64, value: Option<OpinionVote>) -> StoreResult<VoteCounts> {
    let counts = on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let now = now();
            let found = sqlx::query(LOCK_OPINION)
                .bind(opinion_id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if found == 0 {
                return Err(sqlx::Error::RowNotFound);
            }
            match value {
                Some(v) => {
                    sqlx::query(
                        "INSERT INTO opinion_votes (opinion_id, user_id, value, created_at, updated_at)
                         VALUES ($1, $2, $3, $4, $4)
                         ON CONFLICT (opinion_id, user_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                    )
                    .bind(opinion_id)
                    .bind(user_id)
                    .bind(v.as_str())
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                None => {
                    sqlx::query("DELETE FROM opinion_votes WHERE opinion_id = $1 AND user_id = $2")
                        .bind(opinion_id)
                        .bind(user_id)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            let counts: (i64, i64, i64) = sqlx::query_as(
                "UPDATE opinions SET
                     agree_count = (SELECT COUNT(*) FROM opinion_votes WHERE opinion_id = $1 AND value = 'agree'),
                     mixed_count = (SELECT COUNT(*) FROM opinion_votes WHERE opinion_id = $1 AND value = 'mixed'),
                     disagree_count = (SELECT COUNT(*) FROM opinion_votes WHERE opinion_id = $1 AND value = 'disagree')
                 WHERE id = $1 RETURNING agree_count, mixed_count, disagree_count",
            )
            .bind(opinion_id)
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok::<_, sqlx::Error>(counts)
        }
        .await
    })?;
    Ok(VoteCounts {
        agree: counts.0,
        mixed: counts.1,
        disagree: counts.2,
    })
}

/// `user`'s current vote on an opinion.
pub async fn vote_of(db: &Db, opinion_id: i64, user_id: i64) -> StoreResult<Option<OpinionVote>> {
    let v: Option<String> = on_db!(db, |p| sqlx::query_scalar(
        "SELECT value FROM opinion_votes WHERE opinion_id = $1 AND user_id = $2"
    )
    .bind(opinion_id)
    .bind(user_id)
    .fetch_optional(p)
    .await)?;
    Ok(v.and_then(|v| OpinionVote::parse(&v).ok()))
}

/// `user`'s votes on the opinions of a section page, by opinion id.
pub async fn votes_of(db: &Db, user_id: i64, ids: &[i64]) -> StoreResult<Vec<(i64, String)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    // The ids are integers formatted here, never text from a request.
    let sql = format!("SELECT opinion_id, value FROM opinion_votes WHERE user_id = $1 AND opinion_id IN ({list})");
    Ok(on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(user_id)
        .fetch_all(p)
        .await)?)
}

pub async fn follow(db: &Db, user_id: i64, opinion_id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "INSERT INTO opinion_follows (user_id, opinion_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING"
    )
    .bind(user_id)
    .bind(opinion_id)
    .bind(now())
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

pub async fn unfollow(db: &Db, user_id: i64, opinion_id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "DELETE FROM opinion_follows WHERE user_id = $1 AND opinion_id = $2"
    )
    .bind(user_id)
    .bind(opinion_id)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

pub async fn follows(db: &Db, user_id: i64, opinion_id: i64) -> StoreResult<bool> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) > 0 FROM opinion_follows WHERE user_id = $1 AND opinion_id = $2"
    )
    .bind(user_id)
    .bind(opinion_id)
    .fetch_one(p)
    .await)?)
}

/// Opinions waiting for pre-moderation, oldest first.
pub async fn pending(db: &Db) -> StoreResult<Vec<Opinion>> {
    Ok(on_db!(db, |p| sqlx::query_as(select!(
        "WHERE NOT o.published AND o.hidden_reason IS NULL ORDER BY o.id LIMIT 200"
    ))
    .fetch_all(p)
    .await)?)
}

pub async fn publish(db: &Db, id: i64) -> StoreResult<()> {
    let n = on_db!(db, |p| sqlx::query(
        "UPDATE opinions SET published = TRUE WHERE id = $1"
    )
    .bind(id)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    if let Some(parent) = by_id(db, id).await?.and_then(|o| o.amends_id) {
        refresh_amendment_count(db, parent).await?;
    }
    Ok(())
}

/// Who to tell about an opinion: its author and followers who want this
/// kind of news (`answer`: official answers; otherwise new amendments,
/// which follow the comment preference).
pub async fn recipients(db: &Db, opinion_id: i64, answer: bool) -> StoreResult<Vec<super::users::Recipient>> {
    let sql = if answer {
        "SELECT id, email, locale FROM users WHERE deleted_at IS NULL AND email IS NOT NULL AND notify_answer
             AND (id = (SELECT author_id FROM opinions WHERE id = $1)
                  OR id IN (SELECT user_id FROM opinion_follows WHERE opinion_id = $1))"
    } else {
        "SELECT id, email, locale FROM users WHERE deleted_at IS NULL AND email IS NOT NULL AND notify_comment
             AND (id = (SELECT author_id FROM opinions WHERE id = $1)
                  OR id IN (SELECT user_id FROM opinion_follows WHERE opinion_id = $1))"
    };
    Ok(on_db!(db, |p| sqlx::query_as(sql).bind(opinion_id).fetch_all(p).await)?)
}
