//! Districts and themes: two flat lists of names managed in the back office.

use super::{Db, StoreResult};
use crate::on_db;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    District,
    Theme,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Term {
    pub id: i64,
    pub name: String,
}

struct Sql {
    list: &'static str,
    insert: &'static str,
    rename: &'static str,
    delete: &'static str,
    of_project: &'static str,
    unlink: &'static str,
    link: &'static str,
}

impl Kind {
    fn sql(self) -> &'static Sql {
        match self {
            Kind::District => &Sql {
                list: "SELECT id, name FROM districts ORDER BY name",
                insert: "INSERT INTO districts (name) VALUES ($1) RETURNING id",
                rename: "UPDATE districts SET name = $2 WHERE id = $1",
                delete: "DELETE FROM districts WHERE id = $1",
                of_project: "SELECT d.id, d.name FROM districts d JOIN project_districts pd ON pd.district_id = d.id
                             WHERE pd.project_id = $1 ORDER BY d.name",
                unlink: "DELETE FROM project_districts WHERE project_id = $1",
                link: "INSERT INTO project_districts (project_id, district_id) VALUES ($1, $2)",
            },
            Kind::Theme => &Sql {
                list: "SELECT id, name FROM themes ORDER BY name",
                insert: "INSERT INTO themes (name) VALUES ($1) RETURNING id",
                rename: "UPDATE themes SET name = $2 WHERE id = $1",
                delete: "DELETE FROM themes WHERE id = $1",
                of_project: "SELECT t.id, t.name FROM themes t JOIN project_themes pt ON pt.theme_id = t.id
                             WHERE pt.project_id = $1 ORDER BY t.name",
                unlink: "DELETE FROM project_themes WHERE project_id = $1",
                link: "INSERT INTO project_themes (project_id, theme_id) VALUES ($1, $2)",
            },
        }
    }
}

pub async fn list(db: &Db, kind: Kind) -> StoreResult<Vec<Term>> {
    Ok(on_db!(db, |p| sqlx::query_as(kind.sql().list).fetch_all(p).await)?)
}

/// Adds a name; an existing one gives `StoreError::Conflict`.
pub async fn create(db: &Db, kind: Kind, name: &str) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(kind.sql().insert)
        .bind(name)
        .fetch_one(p)
        .await)?)
}

pub async fn rename(db: &Db, kind: Kind, id: i64, name: &str) -> StoreResult<()> {
    let r = on_db!(db, |p| sqlx::query(kind.sql().rename)
        .bind(id)
        .bind(name)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
    if r == 0 {
        Err(super::StoreError::NotFound)
    } else {
        Ok(())
    }
}

pub async fn delete(db: &Db, kind: Kind, id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(kind.sql().delete)
        .bind(id)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn of_project(db: &Db, kind: Kind, project_id: i64) -> StoreResult<Vec<Term>> {
    Ok(on_db!(db, |p| sqlx::query_as(kind.sql().of_project)
        .bind(project_id)
        .fetch_all(p)
        .await)?)
}

/// The themes and the districts of a project, in one query.
pub async fn of_project_both(db: &Db, project_id: i64) -> StoreResult<(Vec<Term>, Vec<Term>)> {
    let rows: Vec<(String, i64, String)> = on_db!(db, |p| sqlx::query_as(
        "SELECT 'theme' AS kind, t.id, t.name FROM themes t JOIN project_themes pt ON pt.theme_id = t.id
          WHERE pt.project_id = $1
         UNION ALL
         SELECT 'district' AS kind, d.id, d.name FROM districts d JOIN project_districts pd ON pd.district_id = d.id
          WHERE pd.project_id = $1
         ORDER BY 1, 3"
    )
    .bind(project_id)
    .fetch_all(p)
    .await)?;
    let (themes, districts): (Vec<_>, Vec<_>) = rows.into_iter().partition(|(kind, _, _)| kind == "theme");
    let terms = |v: Vec<(String, i64, String)>| v.into_iter().map(|(_, id, name)| Term { id, name }).collect();
    Ok((terms(themes), terms(districts)))
}

/// Replaces the terms linked to a project, in one transaction. Unknown ids
/// are refused by the foreign key and nothing changes.
pub async fn set_for_project(db: &Db, kind: Kind, project_id: i64, ids: &[i64]) -> StoreResult<()> {
    let sql = kind.sql();
    super::replace_links(db, sql.unlink, sql.link, project_id, ids).await
}
