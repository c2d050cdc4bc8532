//! Accounts.

use chrono::{DateTime, Utc};
use participe_domain::Role;

use super::{Db, StoreResult, WriteTx, now};
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
    /// When a provider that verifies identities last vouched for this person.
    pub identity_verified_at: Option<DateTime<Utc>>,
    /// The groups this person belongs to, comma-separated (`group_ids()`).
    #[serde(skip)]
    pub group_ids: Option<String>,
}

impl User {
    pub fn role(&self) -> Role {
        Role::parse(&self.role).unwrap_or(Role::Participant)
    }

    pub fn groups(&self) -> Vec<i64> {
        participe_domain::group::ids(self.group_ids.as_deref())
    }

    pub fn is_confirmed(&self) -> bool {
        self.email_confirmed_at.is_some()
    }
}

macro_rules! select_users {
    ($rest:literal) => {
        concat!(
            "SELECT id, email, display_name, password_hash, role, locale, email_confirmed_at, created_at, deleted_at,
                 identity_verified_at,
                 (SELECT string_agg(CAST(group_id AS TEXT), ',') FROM group_members WHERE user_id = users.id)
                     AS group_ids
             FROM users ",
            $rest
        )
    };
}
pub(crate) use select_users;

macro_rules! recipients_sql {
    ($flag:literal) => {
        concat!(
            "SELECT id, email, locale FROM users WHERE deleted_at IS NULL AND email IS NOT NULL AND ",
            $flag,
            " AND (id = (SELECT author_id FROM proposals WHERE id = $1)
                 OR id IN (SELECT user_id FROM follows WHERE proposal_id = $1))"
        )
    };
}

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
/// contributions keep their author, shown as a deleted user, and ballots stay
/// counted) but its email, name, password, birth date and postal code go,
/// with its sessions, tokens, follows (of proposals and of consultation
/// texts) and queued emails. Used for deletion
/// by the person and anonymisation by an administrator.
pub async fn erase(db: &Db, id: i64) -> StoreResult<()> {
    on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let email: Option<String> = sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?
                .flatten();
            if let Some(email) = email {
                sqlx::query("DELETE FROM outbox WHERE to_address = $1")
                    .bind(&email)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM group_invitations WHERE email = $1")
                    .bind(&email)
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query("DELETE FROM group_members WHERE user_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM email_tokens WHERE user_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM follows WHERE user_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM opinion_follows WHERE user_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM sso_identities WHERE user_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "UPDATE users SET email = NULL, display_name = NULL, password_hash = NULL, role = 'participant',
                 birth_date = NULL, postal_code = NULL, phone = NULL, unsubscribe_token = NULL, identity_verified_at = NULL,
                 inactivity_reminded_at = NULL,
                 deleted_at = COALESCE(deleted_at, $2) WHERE id = $1",
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

/// Notification choices and the date of birth of an account.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Preferences {
    pub birth_date: Option<chrono::NaiveDate>,
    pub notify_status: bool,
    pub notify_answer: bool,
    pub notify_comment: bool,
}

pub async fn preferences(db: &Db, id: i64) -> StoreResult<Preferences> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT birth_date, notify_status, notify_answer, notify_comment FROM users WHERE id = $1"
    )
    .bind(id)
    .fetch_one(p)
    .await)?)
}

pub async fn set_notifications(db: &Db, id: i64, status: bool, answer: bool, comment: bool) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "UPDATE users SET notify_status = $2, notify_answer = $3, notify_comment = $4 WHERE id = $1"
    )
    .bind(id)
    .bind(status)
    .bind(answer)
    .bind(comment)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

pub async fn set_birth_date(db: &Db, id: i64, birth: chrono::NaiveDate) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query("UPDATE users SET birth_date = $2 WHERE id = $1")
        .bind(id)
        .bind(birth)
        .execute(p)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// The secret of an account's unsubscribe link, created on first use.
pub async fn unsubscribe_token(db: &Db, id: i64) -> StoreResult<String> {
    let existing: Option<String> = on_db!(db, |p| sqlx::query_scalar(
        "SELECT unsubscribe_token FROM users WHERE id = $1"
    )
    .bind(id)
    .fetch_optional(p)
    .await)?
    .flatten();
    if let Some(t) = existing {
        return Ok(t);
    }
    let token = crate::security::random_token();
    on_db!(db, |p| sqlx::query(
        "UPDATE users SET unsubscribe_token = $2 WHERE id = $1 AND unsubscribe_token IS NULL"
    )
    .bind(id)
    .bind(&token)
    .execute(p)
    .await
    .map(|_| ()))?;
    // A concurrent caller may have set it first: read back what is stored.
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT unsubscribe_token FROM users WHERE id = $1"
    )
    .bind(id)
    .fetch_one(p)
    .await)?)
}

/// Turns every notification off for the account with this unsubscribe secret.
pub async fn unsubscribe(db: &Db, token: &str) -> StoreResult<bool> {
    let n = on_db!(db, |p| {
        sqlx::query(
        "UPDATE users SET notify_status = FALSE, notify_answer = FALSE, notify_comment = FALSE WHERE unsubscribe_token = $1"
    )
    .bind(token)
    .execute(p)
    .await
    .map(|r| r.rows_affected())
    })?;
    Ok(n == 1)
}

/// Who to tell about a proposal: its author and followers who want this
/// kind of news, with their email, language and unsubscribe secret.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Recipient {
    pub id: i64,
    pub email: String,
    pub locale: String,
}

pub async fn recipients(db: &Db, proposal_id: i64, kind: Notification) -> StoreResult<Vec<Recipient>> {
    let sql = match kind {
        Notification::Status | Notification::Realisation | Notification::News => recipients_sql!("notify_status"),
        Notification::Answer => recipients_sql!("notify_answer"),
        Notification::Comment => recipients_sql!("notify_comment"),
    };
    Ok(on_db!(db, |p| sqlx::query_as(sql)
        .bind(proposal_id)
        .fetch_all(p)
        .await)?)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notification {
    Status,
    Answer,
    Comment,
    /// The realisation of a winning proposal changed status (follows the
    /// status preference).
    Realisation,
    /// A news post on the realisation of a winning proposal (follows the
    /// status preference).
    News,
}

/// Accounts that decide on proposals and publish official answers (project
/// managers and administrators) and have an email address.
pub async fn deciders(db: &Db) -> StoreResult<Vec<User>> {
    Ok(on_db!(db, |p| sqlx::query_as(select_users!(
        "WHERE deleted_at IS NULL AND email IS NOT NULL AND role IN ('project_manager', 'administrator') ORDER BY id"
    ))
    .fetch_all(p)
    .await)?)
}

/// Accounts that can analyse proposals (analysts, project managers and
/// administrators), by name.
pub async fn analysts(db: &Db) -> StoreResult<Vec<User>> {
    Ok(on_db!(db, |p| sqlx::query_as(select_users!(
        "WHERE deleted_at IS NULL AND role IN ('analyst', 'project_manager', 'administrator') ORDER BY display_name"
    ))
    .fetch_all(p)
    .await)?)
}
