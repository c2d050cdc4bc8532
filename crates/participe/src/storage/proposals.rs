//! Proposals: drafts, submission with a public reference number, lists with
//! filters and sorts, statuses, decisions and merges.

use chrono::{DateTime, Utc};
use participe_domain::analysis::Outcome;
use participe_domain::proposal::{ProposalInput, Sort};

use super::proposal_list::{self, Arg, Sql};
use super::{Db, StoreError, StoreResult, WriteTx, now};
use crate::on_db;

/// A proposal with what its pages and lists show (names of its author,
/// district, theme, category and status).
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Proposal {
    pub id: i64,
    pub step_id: i64,
    pub number: Option<i64>,
    pub reference_prefix: Option<String>,
    pub author_id: i64,
    /// None when the author deleted their account.
    pub author_name: Option<String>,
    pub state: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub cost: Option<i64>,
    pub district_id: Option<i64>,
    pub district_name: Option<String>,
    pub theme_id: Option<i64>,
    pub theme_name: Option<String>,
    pub category_id: Option<i64>,
    pub category_name: Option<String>,
    pub address: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub image_path: Option<String>,
    /// What the image shows, for people who cannot see it.
    pub image_alt: String,
    pub status_id: Option<i64>,
    pub status_name: Option<String>,
    pub status_colour: Option<String>,
    pub outcome: Option<String>,
    pub merged_into_id: Option<i64>,
    pub hidden_reason: Option<String>,
    pub comment_count: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    /// Petitions (a collect step in support mode): supports counted, when
    /// the threshold was reached, the answer's deadline, when archived.
    pub support_count: i64,
    pub threshold_reached_at: Option<DateTime<Utc>>,
    pub answer_due_at: Option<DateTime<Utc>>,
    pub archived_at: Option<DateTime<Utc>>,
    /// Its official answer is published.
    pub answered: bool,
}

impl Proposal {
    /// The public reference, e.g. `BP-2026-0042`; None for a draft.
    pub fn reference(&self) -> Option<String> {
        self.number
            .map(|n| participe_domain::proposal::reference(self.reference_prefix.as_deref().unwrap_or(""), n))
    }

    /// Where it stands as a petition (meaningful in support mode only).
    pub fn standing(&self) -> participe_domain::petition::Standing {
        participe_domain::petition::standing(participe_domain::petition::Facts {
            reached_at: self.threshold_reached_at,
            answer_due_at: self.answer_due_at,
            archived_at: self.archived_at,
            answered: self.answered,
        })
    }

    pub fn is_published(&self) -> bool {
        self.state == "published"
    }
}

macro_rules! select {
    ($($rest:tt)*) => {
        concat!(
            "SELECT p.id, p.step_id, p.number, cs.reference_prefix, p.author_id, u.display_name AS author_name, p.state,
                p.title, p.summary, p.description, p.cost, p.district_id, d.name AS district_name, p.theme_id,
                t.name AS theme_name, p.category_id, c.name AS category_name, p.address, p.latitude, p.longitude,
                p.image_path, p.image_alt, p.status_id, s.name AS status_name, s.colour AS status_colour, p.outcome,
                p.merged_into_id, p.hidden_reason, p.comment_count, p.created_at, p.updated_at, p.published_at,
                p.support_count, p.threshold_reached_at, p.answer_due_at, p.archived_at,
                EXISTS (SELECT 1 FROM official_answers oa WHERE oa.proposal_id = p.id AND oa.published_at IS NOT NULL)
                    AS answered
             FROM proposals p
             JOIN users u ON u.id = p.author_id
             LEFT JOIN collect_settings cs ON cs.step_id = p.step_id
             LEFT JOIN districts d ON d.id = p.district_id
             LEFT JOIN themes t ON t.id = p.theme_id
             LEFT JOIN categories c ON c.id = p.category_id
             LEFT JOIN proposal_statuses s ON s.id = p.status_id ",
            $($rest)*
        )
    };
}

pub async fn by_id(db: &Db, id: i64) -> StoreResult<Option<Proposal>> {
    Ok(on_db!(db, |p| sqlx::query_as(select!("WHERE p.id = $1"))
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

/// Creates a draft.
pub async fn create_draft(db: &Db, step_id: i64, author_id: i64, i: &ProposalInput) -> StoreResult<i64> {
    let now = now();
    let (lat, lon) = i.location.unzip();
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "INSERT INTO proposals (step_id, author_id, title, summary, description, cost, district_id, theme_id,
             category_id, address, latitude, longitude, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id"
    )
    .bind(step_id)
    .bind(author_id)
    .bind(&i.title)
    .bind(&i.summary)
    .bind(&i.description)
    .bind(i.cost)
    .bind(i.district)
    .bind(i.theme)
    .bind(i.category)
    .bind(&i.address)
    .bind(lat)
    .bind(lon)
    .bind(now)
    .fetch_one(p)
    .await)?)
}

pub async fn update(db: &Db, id: i64, i: &ProposalInput) -> StoreResult<()> {
    let (lat, lon) = i.location.unzip();
    let n = on_db!(db, |p| {
        sqlx::query(
        "UPDATE proposals SET title = $2, summary = $3, description = $4, cost = $5, district_id = $6, theme_id = $7,
             category_id = $8, address = $9, latitude = $10, longitude = $11, updated_at = $12
         WHERE id = $1 AND state <> 'withdrawn'"
    )
    .bind(id)
    .bind(&i.title)
    .bind(&i.summary)
    .bind(&i.description)
    .bind(i.cost)
    .bind(i.district)
    .bind(i.theme)
    .bind(i.category)
    .bind(&i.address)
    .bind(lat)
    .bind(lon)
    .bind(now())
    .execute(p)
    .await
    .map(|r| r.rows_affected())
    })?;
    if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}

pub async fn set_image(db: &Db, id: i64, path: Option<&str>, alt: &str) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "UPDATE proposals SET image_path = $2, image_alt = $3 WHERE id = $1"
    )
    .bind(id)
    .bind(path)
    .bind(alt)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// Stored answers to custom questions: (question id, value).
pub async fn answers(db: &Db, id: i64) -> StoreResult<Vec<(i64, String)>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT question_id, value FROM proposal_answers WHERE proposal_id = $1"
    )
    .bind(id)
    .fetch_all(p)
    .await)?)
}

/// Stored answers of every proposal of a step: (proposal id, question id, value).
pub async fn answers_of_step(db: &Db, step_id: i64) -> StoreResult<Vec<(i64, i64, String)>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT a.proposal_id, a.question_id, a.value FROM proposal_answers a
         JOIN proposals p ON p.id = a.proposal_id WHERE p.step_id = $1"
    )
    .bind(step_id)
    .fetch_all(p)
    .await)?)
}

/// Replaces the answers of a proposal in one transaction.
pub async fn save_answers(db: &Db, id: i64, answers: &[(i64, String)]) -> StoreResult<()> {
    on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            sqlx::query("DELETE FROM proposal_answers WHERE proposal_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            for (q, v) in answers {
                sqlx::query("INSERT INTO proposal_answers (proposal_id, question_id, value) VALUES ($1, $2, $3)")
                    .bind(id)
                    .bind(q)
                    .bind(v)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await
        }
        .await
    })?;
    Ok(())
}

/// Publishes a draft with the next reference number of its step. Two
/// concurrent submissions cannot get the same number (unique constraint;
/// the loser retries).
pub async fn submit(db: &Db, id: i64) -> StoreResult<i64> {
    for _ in 0..5 {
        let result = on_db!(db, |p| {
            async {
                let mut tx = p.begin_write().await?;
                let number: i64 = sqlx::query_scalar(
                    "SELECT COALESCE(MAX(number), 0) + 1 FROM proposals WHERE step_id = (SELECT step_id FROM proposals WHERE id = $1)",
                )
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
                let n = sqlx::query(
                    "UPDATE proposals SET state = 'published', number = $2, published_at = $3, updated_at = $3
                     WHERE id = $1 AND state = 'draft'",
                )
                .bind(id)
                .bind(number)
                .bind(now())
                .execute(&mut *tx)
                .await?
                .rows_affected();
                tx.commit().await?;
                Ok::<Option<i64>, sqlx::Error>((n == 1).then_some(number))
            }
            .await
        });
        match result.map_err(StoreError::from) {
            Ok(Some(number)) => return Ok(number),
            Ok(None) => return Err(StoreError::NotFound),
            Err(StoreError::Conflict(_)) => continue,
            Err(e) => return Err(e),
        }
    }
    Err(StoreError::Conflict("proposal number".into()))
}

pub async fn withdraw(db: &Db, id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "UPDATE proposals SET state = 'withdrawn', updated_at = $2 WHERE id = $1"
    )
    .bind(id)
    .bind(now())
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// How many proposals a person has submitted (not withdrawn) in a step.
pub async fn count_submitted(db: &Db, step_id: i64, author_id: i64) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM proposals WHERE step_id = $1 AND author_id = $2 AND state = 'published'"
    )
    .bind(step_id)
    .bind(author_id)
    .fetch_one(p)
    .await)?)
}

/// A person's proposals and drafts, newest first.
pub async fn by_author(db: &Db, author_id: i64) -> StoreResult<Vec<Proposal>> {
    Ok(on_db!(db, |p| sqlx::query_as(select!(
        "WHERE p.author_id = $1 ORDER BY p.id DESC"
    ))
    .bind(author_id)
    .fetch_all(p)
    .await)?)
}

/// Filters of a proposal list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Filters {
    pub district: Option<i64>,
    pub theme: Option<i64>,
    pub category: Option<i64>,
    pub status: Option<i64>,
    /// Words to look for in titles and summaries.
    pub text: Option<String>,
}

/// Runs a list statement (`storage::proposal_list`) returning integers.
async fn list_query(db: &Db, sql: &Sql) -> StoreResult<Vec<i64>> {
    Ok(on_db!(db, |p| {
        let mut q = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.text.clone()));
        for arg in &sql.args {
            q = match arg {
                Arg::Int(v) => q.bind(*v),
                Arg::Text(v) => q.bind(v.clone()),
            };
        }
        q.fetch_all(p).await
    })?)
}

/// Rows a list page can read: full proposals (the API) or cards (the list
/// page, `storage::proposal_cards`). `SQLITE_SELECT` is the statement up to
/// its `WHERE`; `SQLITE_BY_IDS` and `PG_BY_IDS` read the rows of a list of
/// ids (a JSON array on SQLite, an array on PostgreSQL).
pub trait PageRow:
    for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow> + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow> + Send + Unpin
{
    const SQLITE_SELECT: &'static str;
    const SQLITE_BY_IDS: &'static str;
    const PG_BY_IDS: &'static str;
    fn id(&self) -> i64;
}

impl PageRow for Proposal {
    const SQLITE_SELECT: &'static str = select!("");
    const SQLITE_BY_IDS: &'static str = select!("WHERE p.id IN (SELECT value FROM json_each($1))");
    const PG_BY_IDS: &'static str = select!("WHERE p.id = ANY($1)");
    fn id(&self) -> i64 {
        self.id
    }
}

/// One page of a step's published proposals, as full rows or as cards
/// (`PageRow`). `seed` chooses where the random order starts; this sorts
/// every match in that order, as a text search must: without one,
/// `services::proposal_lists` pages the kept shuffle order instead.
pub async fn list<T: PageRow>(
    db: &Db,
    step_id: i64,
    f: &Filters,
    sort: Sort,
    seed: i64,
    limit: i64,
    offset: i64,
) -> StoreResult<Vec<T>> {
    let start = participe_domain::shuffle::start(seed);
    match db {
        Db::Sqlite(pool) => {
            let sql = proposal_list::page_rows(T::SQLITE_SELECT, step_id, f, sort, start, limit, offset);
            let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.text));
            for arg in sql.args {
                q = match arg {
                    Arg::Int(v) => q.bind(v),
                    Arg::Text(v) => q.bind(v),
                };
            }
            Ok(q.fetch_all(pool).await?)
        }
        // PostgreSQL reads the ids first, then their rows: planning a
        // statement of both costs it more, and it plans again at every
        // request a statement whose bounds vary (the offset), whereas the
        // rows by id keep one plan.
        Db::Postgres(_) => {
            let ids = list_query(db, &proposal_list::page_ids(step_id, f, sort, start, limit, offset)).await?;
            by_ids(db, &ids).await
        }
    }
}

/// The published proposals of a step matching `f` (without a text), as ids
/// in shuffle order (`participe_domain::shuffle`).
pub async fn shuffled_ids(db: &Db, step_id: i64, f: &Filters) -> StoreResult<Vec<i64>> {
    let mut ids = list_query(db, &proposal_list::ids(step_id, f)).await?;
    ids.sort_unstable_by_key(|id| participe_domain::shuffle::key(*id));
    Ok(ids)
}

/// The rows of `ids`, in that order (missing ones left out).
pub async fn by_ids<T: PageRow>(db: &Db, ids: &[i64]) -> StoreResult<Vec<T>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let mut rows: Vec<T> = match db {
        Db::Sqlite(pool) => {
            let json = format!("[{}]", ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","));
            sqlx::query_as(T::SQLITE_BY_IDS).bind(json).fetch_all(pool).await?
        }
        Db::Postgres(pool) => sqlx::query_as(T::PG_BY_IDS).bind(ids).fetch_all(pool).await?,
    };
    rows.sort_by_key(|r| ids.iter().position(|id| *id == r.id()));
    Ok(rows)
}

/// How many published proposals match the filters.
pub async fn count(db: &Db, step_id: i64, f: &Filters) -> StoreResult<i64> {
    let n = list_query(db, &proposal_list::count(step_id, f)).await?;
    Ok(n.first().copied().unwrap_or(0))
}

/// Every published proposal of a step, by number (staff lists, exports).
pub async fn all_published(db: &Db, step_id: i64) -> StoreResult<Vec<Proposal>> {
    Ok(on_db!(db, |p| sqlx::query_as(select!(
        "WHERE p.step_id = $1 AND p.state = 'published' ORDER BY p.number"
    ))
    .bind(step_id)
    .fetch_all(p)
    .await)?)
}

pub async fn set_status(db: &Db, id: i64, status_id: Option<i64>) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "UPDATE proposals SET status_id = $2, updated_at = $3 WHERE id = $1"
    )
    .bind(id)
    .bind(status_id)
    .bind(now())
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// Records the decision. A merge moves the comments and followers of the
/// merged proposal to its parent, in the same transaction.
pub async fn decide(db: &Db, id: i64, outcome: Outcome, merged_into: Option<i64>) -> StoreResult<()> {
    on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            sqlx::query("UPDATE proposals SET outcome = $2, merged_into_id = $3, updated_at = $4 WHERE id = $1")
                .bind(id)
                .bind(outcome.as_str())
                .bind(merged_into)
                .bind(now())
                .execute(&mut *tx)
                .await?;
            if let Some(parent) = merged_into {
                sqlx::query("UPDATE comments SET proposal_id = $2 WHERE proposal_id = $1")
                    .bind(id)
                    .bind(parent)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(
                    "INSERT INTO follows (user_id, proposal_id, created_at)
                     SELECT user_id, $2, created_at FROM follows WHERE proposal_id = $1
                     ON CONFLICT (user_id, proposal_id) DO NOTHING",
                )
                .bind(id)
                .bind(parent)
                .execute(&mut *tx)
                .await?;
                for target in [id, parent] {
                    sqlx::query(
                        "UPDATE proposals SET comment_count =
                           (SELECT COUNT(*) FROM comments WHERE proposal_id = $1 AND deleted_at IS NULL) WHERE id = $1",
                    )
                    .bind(target)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            tx.commit().await
        }
        .await
    })?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Attachment {
    pub id: i64,
    pub path: String,
    pub filename: String,
    pub size: i64,
}

pub async fn attachments(db: &Db, proposal_id: i64) -> StoreResult<Vec<Attachment>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT id, path, filename, size FROM proposal_attachments WHERE proposal_id = $1 ORDER BY id"
    )
    .bind(proposal_id)
    .fetch_all(p)
    .await)?)
}

pub async fn add_attachment(db: &Db, proposal_id: i64, path: &str, filename: &str, size: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "INSERT INTO proposal_attachments (proposal_id, path, filename, size) VALUES ($1, $2, $3, $4)"
    )
    .bind(proposal_id)
    .bind(path)
    .bind(filename)
    .bind(size)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}
