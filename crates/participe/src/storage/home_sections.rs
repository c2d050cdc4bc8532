//! The home page's sections and the projects and pages chosen for them, and
//! what the sections list (latest proposals, themes and districts with their
//! projects).

use chrono::{DateTime, Utc};
use participe_domain::home_section::{DEFAULT_COUNT, Item, Kind, SectionInput};

use super::positions::{Ordered, swap};
use super::{Db, StoreError, StoreResult, taxonomy};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct HomeSection {
    pub id: i64,
    pub kind: String,
    pub position: i64,
    pub enabled: bool,
    pub title: String,
    pub body: String,
    pub mode: String,
    pub item_count: i64,
}

impl HomeSection {
    pub fn kind(&self) -> Kind {
        Kind::parse(&self.kind).unwrap_or(Kind::Text)
    }
}

/// A chosen project or page, with what a card of it shows.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct SectionItem {
    pub id: i64,
    pub section_id: i64,
    pub project_id: Option<i64>,
    pub page_id: Option<i64>,
    pub title: String,
    pub summary: String,
    pub slug: String,
    pub cover_path: Option<String>,
    pub cover_alt: String,
    /// Whether anonymous visitors may see it (a public project, a published page).
    pub public: bool,
}

macro_rules! section_columns {
    () => {
        "id, kind, position, enabled, title, body, mode, item_count"
    };
}

/// Every section in order.
pub async fn all(db: &Db) -> StoreResult<Vec<HomeSection>> {
    Ok(on_db!(db, |p| sqlx::query_as(concat!(
        "SELECT ",
        section_columns!(),
        " FROM home_sections ORDER BY position, id"
    ))
    .fetch_all(p)
    .await)?)
}

pub async fn get(db: &Db, id: i64) -> StoreResult<HomeSection> {
    on_db!(db, |p| sqlx::query_as(concat!(
        "SELECT ",
        section_columns!(),
        " FROM home_sections WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(p)
    .await)?
    .ok_or(StoreError::NotFound)
}

/// Adds a section of `kind` at the end, switched on, with default settings.
pub async fn add(db: &Db, kind: Kind) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "INSERT INTO home_sections (kind, position, item_count)
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM home_sections), $2)
         RETURNING id"
    )
    .bind(kind.as_str())
    .bind(DEFAULT_COUNT)
    .fetch_one(p)
    .await)?)
}

fn found(n: u64) -> StoreResult<()> {
    if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}

pub async fn update(db: &Db, id: i64, input: &SectionInput, enabled: bool) -> StoreResult<()> {
    found(on_db!(db, |p| sqlx::query(
        "UPDATE home_sections SET title = $2, body = $3, mode = $4, item_count = $5, enabled = $6 WHERE id = $1"
    )
    .bind(id)
    .bind(&input.title)
    .bind(&input.body)
    .bind(input.mode.as_str())
    .bind(input.count)
    .bind(enabled)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?)
}

/// Switches a section on or off.
pub async fn set_enabled(db: &Db, id: i64, enabled: bool) -> StoreResult<()> {
    found(on_db!(db, |p| sqlx::query(
        "UPDATE home_sections SET enabled = $2 WHERE id = $1"
    )
    .bind(id)
    .bind(enabled)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?)
}

/// Moves a section past its neighbour above (`up`) or below.
pub async fn shift(db: &Db, id: i64, up: bool) -> StoreResult<()> {
    swap(db, Ordered::HomeSections, 0, id, up).await.map(|_| ())
}

/// Deletes a section and its chosen items.
pub async fn delete(db: &Db, id: i64) -> StoreResult<()> {
    found(on_db!(db, |p| sqlx::query("DELETE FROM home_sections WHERE id = $1")
        .bind(id)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?)
}

/// Every section's chosen items, each section's in order.
pub async fn items(db: &Db) -> StoreResult<Vec<SectionItem>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT i.id, i.section_id, i.project_id, i.page_id,
                COALESCE(pr.title, pg.title) AS title,
                COALESCE(pr.summary, pg.meta_description) AS summary,
                COALESCE(pr.slug, pg.slug) AS slug,
                COALESCE(pr.cover_path, pg.cover_path) AS cover_path,
                COALESCE(pr.cover_alt, pg.cover_alt) AS cover_alt,
                COALESCE(pr.visibility = 'public', pg.published) AS public
         FROM home_section_items i
         LEFT JOIN projects pr ON pr.id = i.project_id
         LEFT JOIN pages pg ON pg.id = i.page_id
         ORDER BY i.section_id, i.position, i.id"
    )
    .fetch_all(p)
    .await)?)
}

/// How many items a section holds.
pub async fn item_count(db: &Db, section_id: i64) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM home_section_items WHERE section_id = $1"
    )
    .bind(section_id)
    .fetch_one(p)
    .await)?)
}

/// Adds a chosen item at the end of its section; a project or page that
/// does not exist gives `StoreError::Conflict` (the foreign key).
pub async fn add_item(db: &Db, section_id: i64, item: Item) -> StoreResult<i64> {
    let (project, page) = match item {
        Item::Project(id) => (Some(id), None),
        Item::Page(id) => (None, Some(id)),
    };
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "INSERT INTO home_section_items (section_id, position, project_id, page_id)
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM home_section_items WHERE section_id = $1), $2, $3)
         RETURNING id"
    )
    .bind(section_id)
    .bind(project)
    .bind(page)
    .fetch_one(p)
    .await)?)
}

/// The section an item belongs to.
pub async fn section_of_item(db: &Db, id: i64) -> StoreResult<i64> {
    on_db!(db, |p| sqlx::query_scalar(
        "SELECT section_id FROM home_section_items WHERE id = $1"
    )
    .bind(id)
    .fetch_optional(p)
    .await)?
    .ok_or(StoreError::NotFound)
}

pub async fn shift_item(db: &Db, id: i64, up: bool) -> StoreResult<()> {
    let section = section_of_item(db, id).await?;
    swap(db, Ordered::HomeItems, section, id, up).await.map(|_| ())
}

pub async fn delete_item(db: &Db, id: i64) -> StoreResult<()> {
    found(on_db!(db, |p| sqlx::query(
        "DELETE FROM home_section_items WHERE id = $1"
    )
    .bind(id)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?)
}

/// A published proposal of a public project, for the latest proposals.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct LatestProposal {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub project_title: String,
    pub published_at: Option<DateTime<Utc>>,
}

/// The `n` proposals published last in the public projects' published steps.
pub async fn latest_proposals(db: &Db, n: i64) -> StoreResult<Vec<LatestProposal>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT pr.id, pr.title, pr.summary, pj.title AS project_title, pr.published_at
         FROM proposals pr
         JOIN steps s ON s.id = pr.step_id
         JOIN projects pj ON pj.id = s.project_id
         WHERE pr.state = 'published' AND pr.hidden_reason IS NULL AND s.published AND pj.visibility = 'public'
         ORDER BY pr.published_at DESC, pr.id DESC
         LIMIT $1"
    )
    .bind(n)
    .fetch_all(p)
    .await)?)
}

/// A theme or district and one public project linked to it.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct TermProject {
    pub term_id: i64,
    pub term: String,
    pub project_id: Option<i64>,
    pub slug: Option<String>,
    pub title: Option<String>,
}

/// Every theme or district with its public projects (one without any: a
/// row without a project).
pub async fn terms_with_projects(db: &Db, kind: taxonomy::Kind) -> StoreResult<Vec<TermProject>> {
    let sql = match kind {
        taxonomy::Kind::Theme => {
            "SELECT t.id AS term_id, t.name AS term, pj.id AS project_id, pj.slug, pj.title
             FROM themes t
             LEFT JOIN project_themes pt ON pt.theme_id = t.id
             LEFT JOIN projects pj ON pj.id = pt.project_id AND pj.visibility = 'public'
             ORDER BY t.name, t.id, pj.title"
        }
        taxonomy::Kind::District => {
            "SELECT d.id AS term_id, d.name AS term, pj.id AS project_id, pj.slug, pj.title
             FROM districts d
             LEFT JOIN project_districts pd ON pd.district_id = d.id
             LEFT JOIN projects pj ON pj.id = pd.project_id AND pj.visibility = 'public'
             ORDER BY d.name, d.id, pj.title"
        }
    };
    Ok(on_db!(db, |p| sqlx::query_as(sql).fetch_all(p).await)?)
}
