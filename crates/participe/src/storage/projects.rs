//! Participatory projects.

use chrono::{DateTime, Utc};
use participe_domain::project::{ProjectInput, Visibility};

use super::{Db, StoreResult, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Project {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub cover_path: Option<String>,
    /// What the cover shows, for people who cannot see it.
    pub cover_alt: String,
    pub visibility: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The groups a restricted project is shown to, comma-separated
    /// (`restricted_to()`; none: anyone signed in).
    #[serde(skip)]
    pub restricted_groups: Option<String>,
}

impl Project {
    pub fn visibility(&self) -> Visibility {
        Visibility::parse(&self.visibility).unwrap_or(Visibility::Draft)
    }

    pub fn restricted_to(&self) -> Vec<i64> {
        participe_domain::group::ids(self.restricted_groups.as_deref())
    }

    /// Whether someone with `role` in `groups` may see this project.
    pub fn visible_to(&self, role: Option<participe_domain::Role>, groups: &[i64]) -> bool {
        self.visibility().visible_to_member(role, groups, &self.restricted_to())
    }
}

macro_rules! columns {
    () => {
        "id, slug, title, summary, description, cover_path, cover_alt, visibility, created_at, updated_at,
         (SELECT string_agg(CAST(group_id AS TEXT), ',') FROM project_groups WHERE project_id = projects.id)
             AS restricted_groups"
    };
}

/// Creates a project; a taken slug gives `StoreError::Conflict`.
pub async fn create(db: &Db, p_in: &ProjectInput) -> StoreResult<i64> {
    let now = now();
    Ok(on_db!(db, |p| {
        sqlx::query_scalar(
            "INSERT INTO projects (slug, title, summary, description, visibility, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
        )
        .bind(&p_in.slug)
        .bind(&p_in.title)
        .bind(&p_in.summary)
        .bind(&p_in.description)
        .bind(p_in.visibility.as_str())
        .bind(now)
        .fetch_one(p)
        .await
    })?)
}

pub async fn update(db: &Db, id: i64, p_in: &ProjectInput) -> StoreResult<()> {
    let r = on_db!(db, |p| {
        sqlx::query(
            "UPDATE projects SET slug = $2, title = $3, summary = $4, description = $5, visibility = $6, updated_at = $7
             WHERE id = $1",
        )
        .bind(id)
        .bind(&p_in.slug)
        .bind(&p_in.title)
        .bind(&p_in.summary)
        .bind(&p_in.description)
        .bind(p_in.visibility.as_str())
        .bind(now())
        .execute(p)
        .await
        .map(|r| r.rows_affected())
    })?;
    if r == 0 {
        Err(super::StoreError::NotFound)
    } else {
        Ok(())
    }
}

pub async fn set_cover(db: &Db, id: i64, path: Option<&str>, alt: &str) -> StoreResult<()> {
    on_db!(db, |p| {
        sqlx::query("UPDATE projects SET cover_path = $2, cover_alt = $4, updated_at = $3 WHERE id = $1")
            .bind(id)
            .bind(path)
            .bind(now())
            .bind(alt)
            .execute(p)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

pub async fn delete(db: &Db, id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query("DELETE FROM projects WHERE id = $1")
        .bind(id)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn by_id(db: &Db, id: i64) -> StoreResult<Option<Project>> {
    let sql = concat!("SELECT ", columns!(), " FROM projects WHERE id = $1");
    Ok(on_db!(db, |p| sqlx::query_as(sql).bind(id).fetch_optional(p).await)?)
}

pub async fn by_slug(db: &Db, slug: &str) -> StoreResult<Option<Project>> {
    let sql = concat!("SELECT ", columns!(), " FROM projects WHERE slug = $1");
    Ok(on_db!(db, |p| sqlx::query_as(sql).bind(slug).fetch_optional(p).await)?)
}

/// Every project, newest first (back office).
pub async fn list_all(db: &Db) -> StoreResult<Vec<Project>> {
    let sql = concat!("SELECT ", columns!(), " FROM projects ORDER BY id DESC");
    Ok(on_db!(db, |p| sqlx::query_as(sql).fetch_all(p).await)?)
}

/// The projects an event is linked to, by title.
pub async fn of_event(db: &Db, event_id: i64) -> StoreResult<Vec<Project>> {
    let sql = concat!(
        "SELECT ",
        columns!(),
        " FROM projects WHERE id IN (SELECT project_id FROM event_projects WHERE event_id = $1) ORDER BY title"
    );
    Ok(on_db!(db, |p| sqlx::query_as(sql).bind(event_id).fetch_all(p).await)?)
}

/// How many projects are public.
pub async fn count_public(db: &Db) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM projects WHERE visibility = 'public'"
    )
    .fetch_one(p)
    .await)?)
}

/// Projects with one of the given visibilities, newest first.
pub async fn list_with_visibility(db: &Db, visible: &[Visibility]) -> StoreResult<Vec<Project>> {
    let flag = |v| visible.contains(&v);
    let sql = concat!(
        "SELECT ",
        columns!(),
        " FROM projects\n         WHERE (visibility = 'public' AND $1) OR (visibility = 'restricted' AND $2) OR (visibility = 'draft' AND $3)\n         ORDER BY id DESC"
    );
    Ok(on_db!(db, |p| {
        sqlx::query_as(sql)
            .bind(flag(Visibility::Public))
            .bind(flag(Visibility::Restricted))
            .bind(flag(Visibility::Draft))
            .fetch_all(p)
            .await
    })?)
}

/// Shows a restricted project only to these groups (none: anyone signed in).
pub async fn set_groups(db: &Db, project_id: i64, groups: &[i64]) -> StoreResult<()> {
    super::replace_links(
        db,
        "DELETE FROM project_groups WHERE project_id = $1",
        "INSERT INTO project_groups (project_id, group_id) VALUES ($1, $2)",
        project_id,
        groups,
    )
    .await
}
