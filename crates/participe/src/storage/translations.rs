//! Translated content: an item's fields in the site's other languages, one
//! table per kind of item (`{kind}_translations`, removed with the item).
//! Table and column names come from `Kind`, never from a request.

use participe_domain::translation::Kind;
use sqlx::Row;

use super::db::WriteTx;
use super::{Db, StoreError, StoreResult};
use crate::on_db;

/// The item's table and the translation table's item column.
fn tables(kind: Kind) -> (&'static str, &'static str, &'static str) {
    match kind {
        Kind::Project => ("projects", "project_translations", "project_id"),
        Kind::Step => ("steps", "step_translations", "step_id"),
        Kind::Page => ("pages", "page_translations", "page_id"),
        Kind::MenuItem => ("menu_items", "menu_item_translations", "menu_item_id"),
        Kind::NewsPost => ("news_posts", "news_post_translations", "news_post_id"),
        Kind::Event => ("events", "event_translations", "event_id"),
        Kind::Theme => ("themes", "theme_translations", "theme_id"),
        Kind::District => ("districts", "district_translations", "district_id"),
    }
}

/// The item's texts as typed in its own form (French), in the order of
/// `kind.fields()`; None when there is no such item.
pub async fn originals(db: &Db, kind: Kind, id: i64) -> StoreResult<Option<Vec<String>>> {
    let (items, _, _) = tables(kind);
    let columns: Vec<&str> = kind.fields().iter().map(|f| f.name).collect();
    let sql = format!("SELECT {} FROM {items} WHERE id = $1", columns.join(", "));
    let n = columns.len();
    Ok(on_db!(db, |p| {
        async {
            let row = sqlx::query(sqlx::AssertSqlSafe(sql.clone()))
                .bind(id)
                .fetch_optional(p)
                .await?;
            row.map(|r| (0..n).map(|i| r.try_get::<String, _>(i)).collect::<Result<Vec<_>, _>>())
                .transpose()
        }
        .await
    })?)
}

/// The item's translations: (language, field, text).
pub async fn of_item(db: &Db, kind: Kind, id: i64) -> StoreResult<Vec<(String, String, String)>> {
    let (_, table, column) = tables(kind);
    let sql = format!("SELECT lang, field, value FROM {table} WHERE {column} = $1 ORDER BY lang, field");
    Ok(on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(id)
        .fetch_all(p)
        .await)?)
}

/// Replaces the item's texts in `lang` by `texts` (fields left out fall back
/// to French). A missing item is `NotFound`.
pub async fn save(db: &Db, kind: Kind, id: i64, lang: &str, texts: &[(&str, String)]) -> StoreResult<()> {
    let (_, table, column) = tables(kind);
    let delete = format!("DELETE FROM {table} WHERE {column} = $1 AND lang = $2");
    let insert = format!("INSERT INTO {table} ({column}, lang, field, value) VALUES ($1, $2, $3, $4)");
    let result = on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            sqlx::query(sqlx::AssertSqlSafe(delete.clone()))
                .bind(id)
                .bind(lang)
                .execute(&mut *tx)
                .await?;
            for (field, value) in texts {
                sqlx::query(sqlx::AssertSqlSafe(insert.clone()))
                    .bind(id)
                    .bind(lang)
                    .bind(field)
                    .bind(value)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await
        }
        .await
    });
    match result.map_err(StoreError::from) {
        // The item went away meanwhile.
        Err(StoreError::Conflict(_)) => Err(StoreError::NotFound),
        other => other,
    }
}

/// Every translated text in `lang`: (kind, item, field, text).
pub async fn all_in(db: &Db, lang: &str) -> StoreResult<Vec<(Kind, i64, String, String)>> {
    let selects: Vec<String> = Kind::ALL
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let (_, table, column) = tables(*k);
            format!("SELECT CAST({i} AS BIGINT) AS kind, {column} AS id, field, value FROM {table} WHERE lang = $1")
        })
        .collect();
    let sql = selects.join(" UNION ALL ");
    let rows: Vec<(i64, i64, String, String)> = on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(lang)
        .fetch_all(p)
        .await)?;
    Ok(rows
        .into_iter()
        .filter_map(|(k, id, field, value)| Some((*Kind::ALL.get(usize::try_from(k).ok()?)?, id, field, value)))
        .collect())
}
