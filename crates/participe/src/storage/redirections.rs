//! Redirections (short URLs and an old site's addresses), the other sites
//! they may lead to, and the log of missing addresses.

use chrono::{DateTime, Utc};
use participe_domain::redirection::Redirection;
use std::collections::HashMap;

use super::{Db, StoreResult, WriteTx, now};
use crate::on_db;

/// Distinct missing addresses kept: past it, new ones are not logged (a
/// crawler trying random addresses cannot fill the database).
pub const MAX_MISSING: i64 = 5_000;
/// Referring pages kept per missing address.
pub const MAX_REFERRERS: i64 = 5;
/// Longest address or referrer logged, in bytes.
pub const MAX_LOGGED: usize = 500;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Stored {
    pub id: i64,
    pub source: String,
    pub target: String,
    pub permanent: bool,
    pub hits: i64,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Missing {
    pub path: String,
    pub hits: i64,
    pub first_seen_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Referrer {
    pub path: String,
    pub referrer: String,
    pub hits: i64,
}

pub async fn count(db: &Db) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar("SELECT COUNT(*) FROM redirections")
        .fetch_one(p)
        .await)?)
}

/// One page of redirections, most recent first.
pub async fn page(db: &Db, limit: i64, offset: i64) -> StoreResult<Vec<Stored>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT id, source, target, permanent, hits, created_at FROM redirections
         ORDER BY id DESC LIMIT $1 OFFSET $2"
    )
    .bind(limit)
    .bind(offset)
    .fetch_all(p)
    .await)?)
}

/// Every source with its target, for the loop checks.
pub async fn targets(db: &Db) -> StoreResult<HashMap<String, String>> {
    let rows: Vec<(String, String)> = on_db!(db, |p| sqlx::query_as("SELECT source, target FROM redirections")
        .fetch_all(p)
        .await)?;
    Ok(rows.into_iter().collect())
}

/// The target of the first of `sources` that is stored, counting the visit.
pub async fn follow(db: &Db, sources: &[String]) -> StoreResult<Option<(String, bool)>> {
    for source in sources {
        let found: Option<(i64, String, bool)> = on_db!(db, |p| sqlx::query_as(
            "SELECT id, target, permanent FROM redirections WHERE source = $1"
        )
        .bind(source)
        .fetch_optional(p)
        .await)?;
        if let Some((id, target, permanent)) = found {
            on_db!(db, |p| sqlx::query(
                "UPDATE redirections SET hits = hits + 1 WHERE id = $1"
            )
            .bind(id)
            .execute(p)
            .await
            .map(|_| ()))?;
            return Ok(Some((target, permanent)));
        }
    }
    Ok(None)
}

/// Stores checked redirections in one transaction (a taken source gives
/// `StoreError::Conflict` and stores none) and drops their sources from the
/// log of missing addresses.
pub async fn insert(db: &Db, redirections: &[Redirection]) -> StoreResult<()> {
    let at = now();
    on_db!(db, |p| {
        let mut tx = p.begin_write().await?;
        for r in redirections {
            sqlx::query("INSERT INTO redirections (source, target, permanent, created_at) VALUES ($1, $2, $3, $4)")
                .bind(&r.source)
                .bind(&r.target)
                .bind(r.permanent)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM missing_paths WHERE path = $1")
                .bind(&r.source)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await
    })?;
    Ok(())
}

pub async fn delete(db: &Db, id: i64) -> StoreResult<()> {
    let n = on_db!(db, |p| sqlx::query("DELETE FROM redirections WHERE id = $1")
        .bind(id)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
    if n == 0 {
        Err(super::StoreError::NotFound)
    } else {
        Ok(())
    }
}

/// The other sites redirections may lead to, by name.
pub async fn hosts(db: &Db) -> StoreResult<Vec<String>> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT host FROM redirection_hosts ORDER BY host"
    )
    .fetch_all(p)
    .await)?)
}

/// Replaces the list of allowed sites.
pub async fn set_hosts(db: &Db, hosts: &[String]) -> StoreResult<()> {
    on_db!(db, |p| {
        let mut tx = p.begin_write().await?;
        sqlx::query("DELETE FROM redirection_hosts").execute(&mut *tx).await?;
        for host in hosts {
            sqlx::query("INSERT INTO redirection_hosts (host) VALUES ($1) ON CONFLICT (host) DO NOTHING")
                .bind(host)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await
    })?;
    Ok(())
}

/// Counts a visit to a missing address and the page that linked to it,
/// within the bounds above.
pub async fn log_missing(db: &Db, path: &str, referrer: Option<&str>) -> StoreResult<()> {
    if path.len() > MAX_LOGGED {
        return Ok(());
    }
    let at = now();
    on_db!(db, |p| sqlx::query(
        "INSERT INTO missing_paths (path, hits, first_seen_at, last_seen_at) SELECT $1, 1, $2, $2
         WHERE EXISTS (SELECT 1 FROM missing_paths WHERE path = $1) OR (SELECT COUNT(*) FROM missing_paths) < $3
         ON CONFLICT (path) DO UPDATE SET hits = missing_paths.hits + 1, last_seen_at = excluded.last_seen_at"
    )
    .bind(path)
    .bind(at)
    .bind(MAX_MISSING)
    .execute(p)
    .await
    .map(|_| ()))?;
    let Some(referrer) = referrer.filter(|r| !r.is_empty() && r.len() <= MAX_LOGGED) else {
        return Ok(());
    };
    on_db!(db, |p| sqlx::query(
        "INSERT INTO missing_path_referrers (path, referrer, hits) SELECT $1, $2, 1
         WHERE EXISTS (SELECT 1 FROM missing_paths WHERE path = $1)
           AND (EXISTS (SELECT 1 FROM missing_path_referrers WHERE path = $1 AND referrer = $2)
                OR (SELECT COUNT(*) FROM missing_path_referrers WHERE path = $1) < $3)
         ON CONFLICT (path, referrer) DO UPDATE SET hits = missing_path_referrers.hits + 1"
    )
    .bind(path)
    .bind(referrer)
    .bind(MAX_REFERRERS)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

pub async fn missing_count(db: &Db) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM missing_paths"
    )
    .fetch_one(p)
    .await)?)
}

/// One page of the missing addresses, most visited first, and their
/// referring pages.
pub async fn missing(db: &Db, limit: i64, offset: i64) -> StoreResult<(Vec<Missing>, Vec<Referrer>)> {
    let rows = on_db!(db, |p| {
        sqlx::query_as(
        "SELECT path, hits, first_seen_at, last_seen_at FROM missing_paths ORDER BY hits DESC, path LIMIT $1 OFFSET $2"
    )
    .bind(limit)
    .bind(offset)
    .fetch_all(p)
    .await
    })?;
    let referrers = on_db!(db, |p| sqlx::query_as(
        "SELECT r.path, r.referrer, r.hits FROM missing_path_referrers r
         JOIN (SELECT path FROM missing_paths ORDER BY hits DESC, path LIMIT $1 OFFSET $2) m ON m.path = r.path
         ORDER BY r.hits DESC, r.referrer"
    )
    .bind(limit)
    .bind(offset)
    .fetch_all(p)
    .await)?;
    Ok((rows, referrers))
}

/// Drops one address from the log (`None`: all of them).
pub async fn forget_missing(db: &Db, path: Option<&str>) -> StoreResult<()> {
    on_db!(db, |p| match path {
        Some(path) => sqlx::query("DELETE FROM missing_paths WHERE path = $1")
            .bind(path)
            .execute(p)
            .await
            .map(|_| ()),
        None => sqlx::query("DELETE FROM missing_paths").execute(p).await.map(|_| ()),
    })?;
    Ok(())
}
