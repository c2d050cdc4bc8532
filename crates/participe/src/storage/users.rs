//! Accounts.

use chrono::{DateTime, Utc};
use participe_domain::Role;

use super::{Db, StoreResult, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct User {
    pub id: i64,
    pub email: Option<String>,
    pub display_name: Option<String>,
    #[serde(skip)]
    pub password_hash: Option<String>,
    pub role: String,
    pub locale: String,
    pub email_confirmed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
}

impl User {
    pub fn role(&self) -> Role {
        Role::parse(&self.role).unwrap_or(Role::Participant)
    }

    pub fn is_confirmed(&self) -> bool {
        self.email_confirmed_at.is_some()
    }
}

macro_rules! select_users {
    ($rest:literal) => {
        concat!(
            "SELECT id, email, display_name, password_hash, role, locale, email_confirmed_at, created_at, deleted_at FROM users ",
            $rest
        )
    };
}
pub(crate) use select_users;

pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub role: Role,
    pub locale: &'a str,
    pub confirmed: bool,
}

/// Creates an account; a taken email gives `StoreError::Conflict`.
pub async fn create(db: &Db, u: &NewUser<'_>) -> StoreResult<i64> {
    let now = now();
    let confirmed = u.confirmed.then_some(now);
    let id = on_db!(db, |p| {
        sqlx::query_scalar(
            "INSERT INTO users (email, display_name, password_hash, role, locale, email_confirmed_at, terms_accepted_at, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
        )
        .bind(u.email)
        .bind(u.display_name)
        .bind(u.password_hash)
        .bind(u.role.as_str())
        .bind(u.locale)
        .bind(confirmed)
        .bind(now)
        .fetch_one(p)
        .await
    })?;
    Ok(id)
}

pub async fn by_id(db: &Db, id: i64) -> StoreResult<Option<User>> {
    Ok(on_db!(db, |p| sqlx::query_as(select_users!("WHERE id = $1"))
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

pub async fn by_email(db: &Db, email: &str) -> StoreResult<Option<User>> {
    Ok(on_db!(db, |p| sqlx::query_as(select_users!("WHERE email = $1"))
        .bind(email)
        .fetch_optional(p)
        .await)?)
}

pub async fn confirm_email(db: &Db, id: i64) -> StoreResult<()> {
    on_db!(db, |p| {
        sqlx::query("UPDATE users SET email_confirmed_at = COALESCE(email_confirmed_at, $2) WHERE id = $1")
            .bind(id)
            .bind(now())
            .execute(p)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

pub async fn set_password(db: &Db, id: i64, hash: &str) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query("UPDATE users SET password_hash = $2 WHERE id = $1")
        .bind(id)
        .bind(hash)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn update_profile(db: &Db, id: i64, display_name: &str, locale: &str) -> StoreResult<()> {
    on_db!(db, |p| {
        sqlx::query("UPDATE users SET display_name = $2, locale = $3 WHERE id = $1 AND deleted_at IS NULL")
            .bind(id)
            .bind(display_name)
            .bind(locale)
            .execute(p)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

pub async fn set_role(db: &Db, id: i64, role: Role) -> StoreResult<()> {
    let n = on_db!(db, |p| {
        sqlx::query("UPDATE users SET role = $2 WHERE id = $1 AND deleted_at IS NULL")
            .bind(id)
            .bind(role.as_str())
            .execute(p)
            .await
            .map(|r| r.rows_affected())
    })?;
    if n == 0 {
        Err(super::StoreError::NotFound)
    } else {
        Ok(())
    }
}

pub async fn count(db: &Db) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(p)
        .await)?)
}

/// A page of accounts, newest first.
pub async fn list(db: &Db, limit: i64, offset: i64) -> StoreResult<Vec<User>> {
    Ok(on_db!(db, |p| {
        sqlx::query_as(select_users!("ORDER BY id DESC LIMIT $1 OFFSET $2"))
            .bind(limit)
            .bind(offset)
            .fetch_all(p)
            .await
    })?)
}

/// Erases an account's personal data in one transaction: the row stays (so
/// contributions keep their author, shown as a deleted user) but its email,
/// name and password go, with its sessions, tokens and queued emails.
pub async fn erase(db: &Db, id: i64) -> StoreResult<()> {
    on_db!(db, |p| {
        async {
            let mut tx = p.begin().await?;
            let email: Option<String> = sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?
                .flatten();
            if let Some(email) = email {
                sqlx::query("DELETE FROM outbox WHERE to_address = $1")
                    .bind(email)
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM email_tokens WHERE user_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "UPDATE users SET email = NULL, display_name = NULL, password_hash = NULL, role = 'participant',
                 deleted_at = $2 WHERE id = $1",
            )
            .bind(id)
            .bind(now())
            .execute(&mut *tx)
            .await?;
            tx.commit().await
        }
        .await
    })?;
    Ok(())
}
