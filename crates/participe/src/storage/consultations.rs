//! Consultations of a step and their tree of sections; importing a whole text.

use chrono::{DateTime, Utc};
use participe_domain::consultation::SectionInput;
use participe_domain::text_import::ImportedSection;

use super::{Db, StoreError, StoreResult, WriteTx, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Consultation {
    pub id: i64,
    pub step_id: i64,
    pub title: String,
    pub position: i64,
    pub pre_moderation: bool,
    pub created_at: DateTime<Utc>,
}

const CONSULTATION: &str = "SELECT id, step_id, title, position, pre_moderation, created_at FROM consultations";

pub async fn by_id(db: &Db, id: i64) -> StoreResult<Option<Consultation>> {
    let sql = format!("{CONSULTATION} WHERE id = $1");
    Ok(on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

pub async fn of_step(db: &Db, step_id: i64) -> StoreResult<Vec<Consultation>> {
    let sql = format!("{CONSULTATION} WHERE step_id = $1 ORDER BY position, id");
    Ok(on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(step_id)
        .fetch_all(p)
        .await)?)
}

pub async fn create(db: &Db, step_id: i64, title: &str) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "INSERT INTO consultations (step_id, title, position, created_at)
         VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM consultations WHERE step_id = $1), $3)
         RETURNING id"
    )
    .bind(step_id)
    .bind(title)
    .bind(now())
    .fetch_one(p)
    .await)?)
}

pub async fn update(db: &Db, id: i64, title: &str, pre_moderation: bool) -> StoreResult<()> {
    let n = on_db!(db, |p| sqlx::query(
        "UPDATE consultations SET title = $2, pre_moderation = $3 WHERE id = $1"
    )
    .bind(id)
    .bind(title)
    .bind(pre_moderation)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}

pub async fn delete(db: &Db, id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query("DELETE FROM consultations WHERE id = $1")
        .bind(id)
        .execute(p)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// A section with the figures its heading shows.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Section {
    pub id: i64,
    pub consultation_id: i64,
    pub parent_id: Option<i64>,
    pub title: String,
    pub subtitle: String,
    pub help: String,
    pub colour: String,
    pub position: i64,
    pub contributions_open: bool,
    pub amendments_allowed: bool,
    pub sources_allowed: bool,
    pub arguments_allowed: bool,
    pub vote_widget: String,
    pub votes_threshold: Option<i64>,
    pub default_sort: String,
    /// Published, visible articles and contributions (not amendments).
    pub opinion_count: i64,
    /// Votes on them.
    pub vote_count: i64,
}

macro_rules! section_select {
    ($rest:literal) => {
        concat!(
            "SELECT s.id, s.consultation_id, s.parent_id, s.title, s.subtitle, s.help, s.colour, s.position,
                s.contributions_open, s.amendments_allowed, s.sources_allowed, s.arguments_allowed,
                s.vote_widget, s.votes_threshold, s.default_sort,
                (SELECT COUNT(*) FROM opinions o WHERE o.section_id = s.id AND o.amends_id IS NULL
                    AND o.published AND o.hidden_reason IS NULL) AS opinion_count,
                (SELECT CAST(COALESCE(SUM(o.agree_count + o.mixed_count + o.disagree_count), 0) AS BIGINT)
                    FROM opinions o WHERE o.section_id = s.id AND o.amends_id IS NULL
                    AND o.published AND o.hidden_reason IS NULL) AS vote_count
             FROM consultation_sections s ",
            $rest
        )
    };
}

pub async fn section(db: &Db, id: i64) -> StoreResult<Option<Section>> {
    Ok(on_db!(db, |p| sqlx::query_as(section_select!("WHERE s.id = $1"))
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

/// Every section of a consultation, parents before children, siblings by position.
pub async fn sections(db: &Db, consultation_id: i64) -> StoreResult<Vec<Section>> {
    let all: Vec<Section> = on_db!(db, |p| sqlx::query_as(section_select!(
        "WHERE s.consultation_id = $1 ORDER BY s.position, s.id"
    ))
    .bind(consultation_id)
    .fetch_all(p)
    .await)?;
    Ok(tree_order(all))
}

/// Orders sections depth-first (each parent followed by its sub-sections).
fn tree_order(all: Vec<Section>) -> Vec<Section> {
    fn walk(parent: Option<i64>, all: &[Section], out: &mut Vec<Section>) {
        for s in all.iter().filter(|s| s.parent_id == parent) {
            out.push(s.clone());
            walk(Some(s.id), all, out);
        }
    }
    let mut out = Vec::with_capacity(all.len());
    walk(None, &all, &mut out);
    out
}

/// The depth of each section in a tree-ordered list (0 for top level).
pub fn depths(sections: &[Section]) -> Vec<usize> {
    let mut depth_of: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    sections
        .iter()
        .map(|s| {
            let d = s.parent_id.and_then(|p| depth_of.get(&p)).map_or(0, |d| d + 1);
            depth_of.insert(s.id, d);
            d
        })
        .collect()
}

pub async fn add_section(db: &Db, consultation_id: i64, parent_id: Option<i64>, s: &SectionInput) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "INSERT INTO consultation_sections (consultation_id, parent_id, title, subtitle, help, colour, position,
             contributions_open, amendments_allowed, sources_allowed, arguments_allowed, vote_widget,
             votes_threshold, default_sort)
         VALUES ($1, $2, $3, $4, $5, $6,
             (SELECT COALESCE(MAX(position), 0) + 1 FROM consultation_sections WHERE consultation_id = $1),
             $7, $8, $9, $10, $11, $12, $13)
         RETURNING id"
    )
    .bind(consultation_id)
    .bind(parent_id)
    .bind(&s.title)
    .bind(&s.subtitle)
    .bind(&s.help)
    .bind(&s.colour)
    .bind(s.contributions_open)
    .bind(s.amendments_allowed)
    .bind(s.sources_allowed)
    .bind(s.arguments_allowed)
    .bind(s.vote_widget.as_str())
    .bind(s.votes_threshold)
    .bind(s.default_sort.as_str())
    .fetch_one(p)
    .await)?)
}

pub async fn update_section(db: &Db, id: i64, s: &SectionInput) -> StoreResult<()> {
    let n = on_db!(db, |p| sqlx::query(
        "UPDATE consultation_sections SET title = $2, subtitle = $3, help = $4, colour = $5,
             contributions_open = $6, amendments_allowed = $7, sources_allowed = $8, arguments_allowed = $9,
             vote_widget = $10, votes_threshold = $11, default_sort = $12
         WHERE id = $1"
    )
    .bind(id)
    .bind(&s.title)
    .bind(&s.subtitle)
    .bind(&s.help)
    .bind(&s.colour)
    .bind(s.contributions_open)
    .bind(s.amendments_allowed)
    .bind(s.sources_allowed)
    .bind(s.arguments_allowed)
    .bind(s.vote_widget.as_str())
    .bind(s.votes_threshold)
    .bind(s.default_sort.as_str())
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}

pub async fn delete_section(db: &Db, id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query("DELETE FROM consultation_sections WHERE id = $1")
        .bind(id)
        .execute(p)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// Swaps a section with its previous (`up`) or next sibling.
pub async fn move_section(db: &Db, id: i64, up: bool) -> StoreResult<()> {
    let Some(s) = section(db, id).await? else {
        return Err(StoreError::NotFound);
    };
    let siblings: Vec<Section> = sections(db, s.consultation_id)
        .await?
        .into_iter()
        .filter(|x| x.parent_id == s.parent_id)
        .collect();
    let i = siblings.iter().position(|x| x.id == id).unwrap_or(0);
    let j = if up {
        i.checked_sub(1)
    } else {
        Some(i + 1).filter(|j| *j < siblings.len())
    };
    let Some(j) = j else { return Ok(()) };
    let (a, b) = (&siblings[i], &siblings[j]);
    // Positions may be equal after imports: give both distinct ones.
    let (pa, pb) = if a.position == b.position {
        (b.position + i64::from(j > i), a.position + i64::from(i > j))
    } else {
        (b.position, a.position)
    };
    on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            for (sid, pos) in [(a.id, pa), (b.id, pb)] {
                sqlx::query("UPDATE consultation_sections SET position = $2 WHERE id = $1")
                    .bind(sid)
                    .bind(pos)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await
        }
        .await
    })?;
    Ok(())
}

/// What an import created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Imported {
    pub sections: usize,
    pub articles: usize,
}

/// Adds the imported sections after the existing ones, and their articles
/// (written by `author`), in one transaction: all or nothing.
pub async fn import(db: &Db, consultation_id: i64, author: i64, tree: &[ImportedSection]) -> StoreResult<Imported> {
    let articles = tree.iter().map(|s| s.articles.len()).sum();
    on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let now = now();
            let start: i64 = sqlx::query_scalar(
                "SELECT COALESCE(MAX(position), 0) FROM consultation_sections WHERE consultation_id = $1",
            )
            .bind(consultation_id)
            .fetch_one(&mut *tx)
            .await?;
            let mut ids: Vec<i64> = Vec::with_capacity(tree.len());
            for (n, s) in tree.iter().enumerate() {
                let defaults = SectionInput::titled(s.title.clone());
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO consultation_sections (consultation_id, parent_id, title, position, vote_widget, default_sort)
                     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(consultation_id)
                .bind(s.parent.map(|i| ids[i]))
                .bind(&s.title)
                .bind(start + 1 + n as i64)
                .bind(defaults.vote_widget.as_str())
                .bind(defaults.default_sort.as_str())
                .fetch_one(&mut *tx)
                .await?;
                ids.push(id);
                for (k, a) in s.articles.iter().enumerate() {
                    sqlx::query(
                        "INSERT INTO opinions (section_id, kind, author_id, title, body, position, created_at, updated_at)
                         VALUES ($1, 'article', $2, $3, $4, $5, $6, $6)",
                    )
                    .bind(id)
                    .bind(author)
                    .bind(&a.title)
                    .bind(&a.body)
                    .bind(k as i64 + 1)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            tx.commit().await
        }
        .await
    })?;
    Ok(Imported {
        sections: tree.len(),
        articles,
    })
}
