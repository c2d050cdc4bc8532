//! The header and footer menus' entries.

use participe_domain::menu::{EntryInput, Link, Menu};

use super::{Db, StoreError, StoreResult, WriteTx};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct MenuItem {
    pub id: i64,
    pub menu: String,
    pub parent_id: Option<i64>,
    pub position: i64,
    pub label: String,
    pub page_id: Option<i64>,
    pub project_id: Option<i64>,
    pub url: Option<String>,
    /// Where it leads, for the back office: the page's or project's title.
    pub target_title: Option<String>,
    /// What a visitor needs: the address, and whether its page or project is public.
    pub page_slug: Option<String>,
    pub project_slug: Option<String>,
    pub visible: bool,
}

/// Every entry of both menus, each menu's top level first then by position.
pub async fn all(db: &Db) -> StoreResult<Vec<MenuItem>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT m.id, m.menu, m.parent_id, m.position, m.label, m.page_id, m.project_id, m.url,
                COALESCE(pg.title, pr.title) AS target_title, pg.slug AS page_slug, pr.slug AS project_slug,
                CASE WHEN m.page_id IS NOT NULL THEN pg.published
                     WHEN m.project_id IS NOT NULL THEN pr.visibility = 'public'
                     ELSE TRUE END AS visible
         FROM menu_items m
         LEFT JOIN pages pg ON pg.id = m.page_id
         LEFT JOIN projects pr ON pr.id = m.project_id
         ORDER BY m.menu, m.parent_id IS NOT NULL, m.position, m.id"
    )
    .fetch_all(p)
    .await)?)
}

/// Adds an entry at the end of its level; a page or project that does not
/// exist gives `StoreError::Conflict` (the foreign key).
pub async fn add(db: &Db, menu: Menu, entry: &EntryInput) -> StoreResult<i64> {
    let (page, project, url) = match &entry.link {
        Link::Page(id) => (Some(*id), None, None),
        Link::Project(id) => (None, Some(*id), None),
        Link::Url(url) => (None, None, Some(url.as_str())),
        Link::Nothing => (None, None, None),
    };
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "INSERT INTO menu_items (menu, parent_id, position, label, page_id, project_id, url)
         VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM menu_items WHERE menu = $1), $3, $4, $5, $6)
         RETURNING id"
    )
    .bind(menu.as_str())
    .bind(entry.parent)
    .bind(&entry.label)
    .bind(page)
    .bind(project)
    .bind(url)
    .fetch_one(p)
    .await)?)
}

/// Swaps an entry with its neighbour above (`up`) or below at the same level.
pub async fn shift(db: &Db, id: i64, up: bool) -> StoreResult<()> {
    let items = all(db).await?;
    let me = items.iter().find(|i| i.id == id).ok_or(StoreError::NotFound)?;
    let siblings: Vec<&MenuItem> = items
        .iter()
        .filter(|i| i.menu == me.menu && i.parent_id == me.parent_id)
        .collect();
    let at = siblings.iter().position(|i| i.id == id).unwrap_or(0);
    let other = if up { at.checked_sub(1) } else { Some(at + 1) };
    let Some(other) = other.and_then(|o| siblings.get(o)) else {
        return Ok(());
    };
    let (a, b) = ((me.id, me.position), (other.id, other.position));
    on_db!(db, |p| {
        let mut tx = p.begin_write().await?;
        for (id, position) in [(a.0, b.1), (b.0, a.1)] {
            sqlx::query("UPDATE menu_items SET position = $2 WHERE id = $1")
                .bind(id)
                .bind(position)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await
    })?;
    Ok(())
}

/// Deletes an entry and the entries nested under it.
pub async fn delete(db: &Db, id: i64) -> StoreResult<()> {
    let n = on_db!(db, |p| sqlx::query("DELETE FROM menu_items WHERE id = $1")
        .bind(id)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
    if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}
