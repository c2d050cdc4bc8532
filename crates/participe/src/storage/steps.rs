//! Steps of projects, kept in order by `position`.

use chrono::{DateTime, Utc};
use participe_domain::step::StepType;

use super::{Db, StoreError, StoreResult};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Step {
    pub id: i64,
    pub project_id: i64,
    pub position: i64,
    pub step_type: String,
    pub title: String,
    pub body: String,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub published: bool,
}

macro_rules! columns {
    () => {
        "id, project_id, position, step_type, title, body, starts_at, ends_at, published"
    };
}

/// A step's fields, dates already in UTC.
pub struct StepData<'a> {
    pub title: &'a str,
    pub step_type: StepType,
    pub body: &'a str,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub published: bool,
}

/// Appends a step at the end of its project.
pub async fn create(db: &Db, project_id: i64, s: &StepData<'_>) -> StoreResult<i64> {
    Ok(on_db!(db, |p| {
        sqlx::query_scalar(
            "INSERT INTO steps (project_id, position, step_type, title, body, starts_at, ends_at, published)
             SELECT $1, COALESCE(MAX(position), 0) + 1, $2, $3, $4, $5, $6, $7 FROM steps WHERE project_id = $1
             RETURNING id",
        )
        .bind(project_id)
        .bind(s.step_type.as_str())
        .bind(s.title)
        .bind(s.body)
        .bind(s.starts_at)
        .bind(s.ends_at)
        .bind(s.published)
        .fetch_one(p)
        .await
    })?)
}

pub async fn update(db: &Db, id: i64, s: &StepData<'_>) -> StoreResult<()> {
    let r = on_db!(db, |p| {
        sqlx::query(
            "UPDATE steps SET step_type = $2, title = $3, body = $4, starts_at = $5, ends_at = $6, published = $7 WHERE id = $1",
        )
        .bind(id)
        .bind(s.step_type.as_str())
        .bind(s.title)
        .bind(s.body)
        .bind(s.starts_at)
        .bind(s.ends_at)
        .bind(s.published)
        .execute(p)
        .await
        .map(|r| r.rows_affected())
    })?;
    if r == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}

pub async fn delete(db: &Db, id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query("DELETE FROM steps WHERE id = $1")
        .bind(id)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn by_id(db: &Db, id: i64) -> StoreResult<Option<Step>> {
    let sql = concat!("SELECT ", columns!(), " FROM steps WHERE id = $1");
    Ok(on_db!(db, |p| sqlx::query_as(sql).bind(id).fetch_optional(p).await)?)
}

/// The steps of a project in order; only published ones unless `all`.
pub async fn of_project(db: &Db, project_id: i64, all: bool) -> StoreResult<Vec<Step>> {
    let sql = concat!(
        "SELECT ",
        columns!(),
        " FROM steps WHERE project_id = $1 AND (published OR $2) ORDER BY position"
    );
    Ok(on_db!(db, |p| sqlx::query_as(sql)
        .bind(project_id)
        .bind(all)
        .fetch_all(p)
        .await)?)
}

/// Published steps of all projects, for placing projects in time.
pub async fn published_of_all(db: &Db) -> StoreResult<Vec<Step>> {
    let sql = concat!(
        "SELECT ",
        columns!(),
        " FROM steps WHERE published ORDER BY project_id, position"
    );
    Ok(on_db!(db, |p| sqlx::query_as(sql).fetch_all(p).await)?)
}

/// Swaps a step with its neighbour (`up` = earlier) in one transaction.
/// Returns false when it is already at that end.
pub async fn move_step(db: &Db, id: i64, up: bool) -> StoreResult<bool> {
    let step = by_id(db, id).await?.ok_or(StoreError::NotFound)?;
    super::positions::swap(db, super::positions::Ordered::Steps, step.project_id, id, up).await
}
