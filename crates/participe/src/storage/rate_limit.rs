//! Fixed-window rate-limit counters kept in the database, so that every app
//! server sharing one PostgreSQL counts the same hits.

use super::{Db, StoreResult};
use crate::on_db;

/// Counts one hit in `bucket` for the window starting at `window_start`
/// (unix seconds) and returns the hits so far in that window.
pub async fn hit(db: &Db, bucket: &str, window_start: i64) -> StoreResult<i64> {
    Ok(on_db!(db, |p| {
        sqlx::query_scalar(
            "INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, $2, 1)
             ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1
             RETURNING hits",
        )
        .bind(bucket)
        .bind(window_start)
        .fetch_one(p)
        .await
    })?)
}

/// Forgets windows that started before `before` (unix seconds).
pub async fn purge(db: &Db, before: i64) -> StoreResult<u64> {
    let r = on_db!(db, |p| sqlx::query("DELETE FROM rate_limits WHERE window_start < $1")
        .bind(before)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(r)
}
