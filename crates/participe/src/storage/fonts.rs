//! Uploaded font files, and the families the site's headings and body use.

use chrono::{DateTime, Utc};

use super::{Db, StoreResult, WriteTx, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct FontFile {
    pub id: i64,
    pub family: String,
    pub weight: i64,
    pub format: String,
    pub path: String,
    pub created_at: DateTime<Utc>,
}

/// Every uploaded file, by family then weight.
pub async fn list(db: &Db) -> StoreResult<Vec<FontFile>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT id, family, weight, format, path, created_at FROM fonts ORDER BY family, weight"
    )
    .fetch_all(p)
    .await)?)
}

/// Stores a family's file for a weight, replacing the one it had; returns
/// the replaced file's stored name.
pub async fn put(db: &Db, family: &str, weight: u16, format: &str, path: &str) -> StoreResult<Option<String>> {
    let at = now();
    Ok(on_db!(db, |p| {
        let mut tx = p.begin_write().await?;
        let old: Option<String> = sqlx::query_scalar("SELECT path FROM fonts WHERE family = $1 AND weight = $2")
            .bind(family)
            .bind(i64::from(weight))
            .fetch_optional(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM fonts WHERE family = $1 AND weight = $2")
            .bind(family)
            .bind(i64::from(weight))
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO fonts (family, weight, format, path, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(family)
            .bind(i64::from(weight))
            .bind(format)
            .bind(path)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        tx.commit().await.map(|_| old)
    })?)
}

/// Deletes an uploaded file; returns its stored name.
pub async fn delete(db: &Db, id: i64) -> StoreResult<Option<String>> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "DELETE FROM fonts WHERE id = $1 RETURNING path"
    )
    .bind(id)
    .fetch_optional(p)
    .await)?)
}

/// Sets the families of headings and body text (see `domain::fonts::Choice`).
pub async fn choose(db: &Db, heading: &str, body: &str) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "UPDATE organisation SET heading_font = $1, body_font = $2, updated_at = $3 WHERE id = 1"
    )
    .bind(heading)
    .bind(body)
    .bind(now())
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}
