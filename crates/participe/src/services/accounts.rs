//! Account operations: creation with a hashed password, confirmation and
//! password-reset emails.

use chrono::Duration;
use participe_domain::account::Signup;
use participe_domain::{FieldErrors, Role};

use crate::config::Config;
use crate::i18n::{I18n, Lang};
use crate::security::{hash_password_async, random_token, token_hash};
use crate::storage::tokens::{self, Purpose};
use crate::storage::users::{self, NewUser};
use crate::storage::{Db, StoreError};

/// How long a confirmation link stays valid.
pub const CONFIRM_TTL_HOURS: i64 = 48;
/// How long a password-reset link stays valid.
pub const RESET_TTL_MINUTES: i64 = 60;

/// Why an account could not be created.
#[derive(Debug)]
pub enum CreateError {
    /// Problems with the form's fields (including a taken email).
    Fields(FieldErrors),
    Other(anyhow::Error),
}

/// Creates an account from a valid sign-up. `confirmed` skips the email
/// confirmation (accounts made by an administrator on the command line).
pub async fn create(db: &Db, s: &Signup, role: Role, lang: Lang, confirmed: bool) -> Result<i64, CreateError> {
    let hash = hash_password_async(s.password.clone())
        .await
        .map_err(CreateError::Other)?;
    let new = NewUser {
        email: &s.email,
        display_name: &s.display_name,
        password_hash: &hash,
        role,
        locale: lang.code(),
        confirmed,
    };
    match users::create(db, &new).await {
        Ok(id) => Ok(id),
        Err(StoreError::Conflict(_)) => {
            let mut errors = FieldErrors::new();
            errors.add("email", "error-email-taken");
            Err(CreateError::Fields(errors))
        }
        Err(e) => Err(CreateError::Other(e.into())),
    }
}

/// Creates a single-use token and returns the secret to put in a link.
async fn issue_token(db: &Db, user_id: i64, purpose: Purpose, ttl: Duration) -> anyhow::Result<String> {
    let token = random_token();
    tokens::create(db, &token_hash(&token), user_id, purpose, crate::storage::now() + ttl).await?;
    Ok(token)
}

/// Queues the email-confirmation message with its expiring link.
pub async fn send_confirmation(
    db: &Db,
    config: &Config,
    i18n: &I18n,
    lang: Lang,
    user_id: i64,
    to: &str,
) -> anyhow::Result<()> {
    let token = issue_token(db, user_id, Purpose::ConfirmEmail, Duration::hours(CONFIRM_TTL_HOURS)).await?;
    let link = format!("{}/confirm/{token}", config.public_url);
    let org = crate::storage::org::get(db).await?.name;
    let subject = i18n.t1(lang, "email-confirm-subject", "org", org.clone());
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("org", org);
    args.set("link", link);
    args.set("hours", CONFIRM_TTL_HOURS);
    let body = i18n.t(lang, "email-confirm-body", Some(&args));
    crate::mail::queue(db, config.smtp.as_ref(), to, &subject, &body).await?;
    Ok(())
}

/// Queues a password-reset link for `to`, if an account has that address.
/// Says nothing either way, so that the form does not reveal who has an account.
pub async fn send_password_reset(db: &Db, config: &Config, i18n: &I18n, lang: Lang, to: &str) -> anyhow::Result<()> {
    let Some(user) = users::by_email(db, to).await? else {
        return Ok(());
    };
    if user.deleted_at.is_some() {
        return Ok(());
    }
    let token = issue_token(
        db,
        user.id,
        Purpose::ResetPassword,
        Duration::minutes(RESET_TTL_MINUTES),
    )
    .await?;
    let link = format!("{}/password/reset/{token}", config.public_url);
    let org = crate::storage::org::get(db).await?.name;
    let subject = i18n.t1(lang, "email-reset-subject", "org", org.clone());
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("org", org);
    args.set("link", link);
    args.set("minutes", RESET_TTL_MINUTES);
    let body = i18n.t(lang, "email-reset-body", Some(&args));
    crate::mail::queue(db, config.smtp.as_ref(), to, &subject, &body).await?;
    Ok(())
}
