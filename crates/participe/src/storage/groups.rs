//! Groups of users, their members (by hand, CSV of emails, invitation or a
//! single sign-on provider) and invitations (hashed, single-use tokens).

use chrono::{DateTime, Utc};
use participe_domain::group::{GroupInput, Source};

use super::{Db, StoreResult, WriteTx, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Group {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub created_at: DateTime<Utc>,
    pub members: i64,
}

const SELECT_GROUPS: &str = "SELECT g.id, g.name, g.description, g.created_at,
        (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id) AS members
     FROM user_groups g";

/// All groups by name.
pub async fn list(db: &Db) -> StoreResult<Vec<Group>> {
    let sql = format!("{SELECT_GROUPS} ORDER BY g.name");
    Ok(on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_all(p)
        .await)?)
}

pub async fn by_id(db: &Db, id: i64) -> StoreResult<Option<Group>> {
    let sql = format!("{SELECT_GROUPS} WHERE g.id = $1");
    Ok(on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

/// Creates a group; a taken name gives `StoreError::Conflict`.
pub async fn create(db: &Db, g: &GroupInput) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "INSERT INTO user_groups (name, description, created_at) VALUES ($1, $2, $3) RETURNING id"
    )
    .bind(&g.name)
    .bind(&g.description)
    .bind(now())
    .fetch_one(p)
    .await)?)
}

pub async fn update(db: &Db, id: i64, g: &GroupInput) -> StoreResult<bool> {
    let n = on_db!(db, |p| sqlx::query(
        "UPDATE user_groups SET name = $2, description = $3 WHERE id = $1"
    )
    .bind(id)
    .bind(&g.name)
    .bind(&g.description)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Deletes a group with its memberships and invitations; projects shown
/// only to it are then shown to their other groups (or anyone signed in).
pub async fn delete(db: &Db, id: i64) -> StoreResult<bool> {
    let n = on_db!(db, |p| sqlx::query("DELETE FROM user_groups WHERE id = $1")
        .bind(id)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Member {
    pub user_id: i64,
    pub display_name: Option<String>,
    pub email: Option<String>,
    pub source: String,
    pub added_at: DateTime<Utc>,
}

/// A page of a group's members, by name.
pub async fn members(db: &Db, group_id: i64, limit: i64, offset: i64) -> StoreResult<Vec<Member>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT u.id AS user_id, u.display_name, u.email, m.source, m.added_at
         FROM group_members m JOIN users u ON u.id = m.user_id
         WHERE m.group_id = $1 ORDER BY u.display_name, u.id LIMIT $2 OFFSET $3"
    )
    .bind(group_id)
    .bind(limit)
    .bind(offset)
    .fetch_all(p)
    .await)?)
}

const ADD: &str = "INSERT INTO group_members (group_id, user_id, source, added_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (group_id, user_id) DO NOTHING";

/// Puts someone in a group; false when they already were.
pub async fn add_member(db: &Db, group_id: i64, user_id: i64, source: Source) -> StoreResult<bool> {
    let n = on_db!(db, |p| sqlx::query(ADD)
        .bind(group_id)
        .bind(user_id)
        .bind(source.as_str())
        .bind(now())
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

pub async fn remove_member(db: &Db, group_id: i64, user_id: i64) -> StoreResult<bool> {
    let n = on_db!(db, |p| sqlx::query(
        "DELETE FROM group_members WHERE group_id = $1 AND user_id = $2"
    )
    .bind(group_id)
    .bind(user_id)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Emails looked up per statement when importing.
const CHUNK: usize = 500;

/// Puts the accounts with these emails in a group, in one transaction (one
/// lookup and one insert per chunk of emails). Returns how many joined and
/// the emails without an account.
pub async fn add_by_emails(db: &Db, group_id: i64, emails: &[String]) -> StoreResult<(u64, Vec<String>)> {
    Ok(on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let (mut added, mut missing) = (0, Vec::new());
            let at = now();
            for chunk in emails.chunks(CHUNK) {
                let list: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 1)).collect();
                let sql = format!(
                    "SELECT id, email FROM users WHERE deleted_at IS NULL AND email IN ({})",
                    list.join(", ")
                );
                let mut q = sqlx::query_as::<_, (i64, String)>(sqlx::AssertSqlSafe(sql));
                for e in chunk {
                    q = q.bind(e);
                }
                let found = q.fetch_all(&mut *tx).await?;
                missing.extend(chunk.iter().filter(|e| !found.iter().any(|(_, f)| f == *e)).cloned());
                if found.is_empty() {
                    continue;
                }
                let values: Vec<String> = (0..found.len()).map(|i| format!("($1, ${}, $2, $3)", i + 4)).collect();
                let sql = format!(
                    "INSERT INTO group_members (group_id, user_id, source, added_at) VALUES {}
                     ON CONFLICT (group_id, user_id) DO NOTHING",
                    values.join(", ")
                );
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(group_id)
                    .bind(Source::Csv.as_str())
                    .bind(at);
                for (id, _) in &found {
                    q = q.bind(id);
                }
                added += q.execute(&mut *tx).await?.rows_affected();
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>((added, missing))
        }
        .await
    })?)
}

/// (id, name) of the groups someone belongs to.
pub async fn of_user(db: &Db, user_id: i64) -> StoreResult<Vec<(i64, String)>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT g.id, g.name FROM group_members m JOIN user_groups g ON g.id = m.group_id
         WHERE m.user_id = $1 ORDER BY g.name"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)?)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Invitation {
    pub id: i64,
    pub group_id: i64,
    pub group_name: String,
    pub email: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
}

const SELECT_INVITATIONS: &str =
    "SELECT i.id, i.group_id, g.name AS group_name, i.email, i.created_at, i.expires_at, i.used_at
     FROM group_invitations i JOIN user_groups g ON g.id = i.group_id";

/// Records an invitation whose link carries the token hashed as `token_hash`.
pub async fn invite(
    db: &Db,
    group_id: i64,
    email: &str,
    token_hash: &str,
    invited_by: i64,
    expires_at: DateTime<Utc>,
) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "INSERT INTO group_invitations (group_id, email, token_hash, invited_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"
    )
    .bind(group_id)
    .bind(email)
    .bind(token_hash)
    .bind(invited_by)
    .bind(now())
    .bind(expires_at)
    .fetch_one(p)
    .await)?)
}

/// The invitation whose token hashes to `token_hash`.
pub async fn invitation(db: &Db, token_hash: &str) -> StoreResult<Option<Invitation>> {
    let sql = format!("{SELECT_INVITATIONS} WHERE i.token_hash = $1");
    Ok(on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(token_hash)
        .fetch_optional(p)
        .await)?)
}

/// A group's invitations not used yet, newest first.
pub async fn pending(db: &Db, group_id: i64) -> StoreResult<Vec<Invitation>> {
    let sql = format!("{SELECT_INVITATIONS} WHERE i.group_id = $1 AND i.used_at IS NULL ORDER BY i.id DESC");
    Ok(on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(group_id)
        .fetch_all(p)
        .await)?)
}

/// Withdraws an unused invitation of a group.
pub async fn revoke(db: &Db, group_id: i64, id: i64) -> StoreResult<bool> {
    let n = on_db!(db, |p| sqlx::query(
        "DELETE FROM group_invitations WHERE id = $1 AND group_id = $2 AND used_at IS NULL"
    )
    .bind(id)
    .bind(group_id)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Uses an invitation for `user_id` and puts them in its group, in one
/// transaction; false when it was used meanwhile or has expired (one
/// conditional UPDATE, so it serves once even under concurrent requests).
pub async fn accept(db: &Db, invitation_id: i64, user_id: i64) -> StoreResult<bool> {
    Ok(on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let at = now();
            let group: Option<i64> = sqlx::query_scalar(
                "UPDATE group_invitations SET used_at = $3, used_by = $2
                 WHERE id = $1 AND used_at IS NULL AND expires_at > $3 RETURNING group_id",
            )
            .bind(invitation_id)
            .bind(user_id)
            .bind(at)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(group) = group else {
                return Ok(false);
            };
            sqlx::query(ADD)
                .bind(group)
                .bind(user_id)
                .bind(Source::Invitation.as_str())
                .bind(at)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok::<bool, sqlx::Error>(true)
        }
        .await
    })?)
}

/// Deletes the invitations that have ended (used or expired) by `now`;
/// returns how many.
pub async fn purge_invitations(db: &Db, now: DateTime<Utc>) -> StoreResult<u64> {
    Ok(on_db!(db, |p| sqlx::query(
        "DELETE FROM group_invitations WHERE expires_at <= $1 OR used_at IS NOT NULL"
    )
    .bind(now)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?)
}
