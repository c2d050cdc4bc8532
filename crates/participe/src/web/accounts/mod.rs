//! Accounts: sign-up, email confirmation, log-in and out, password reset,
//! profile and deletion.

pub mod confirm;
pub mod delete;
pub mod invitation;
pub mod login;
pub mod notifications;
pub mod password;
pub mod profile;
pub mod saml;
pub mod signup;
pub mod sso;

use axum::response::Response;

use super::cookies;
use crate::app::AppState;
use crate::security::{random_token, token_hash};
use crate::storage::sessions;

/// How long a session lasts.
pub const SESSION_DAYS: i64 = 30;

/// Opens a new server-side session for `user_id`, sets its cookie on `res`
/// and returns the hash it is stored under.
pub async fn start_session(
    state: &AppState,
    res: &mut Response,
    user_id: i64,
    user_agent: &str,
) -> anyhow::Result<String> {
    let token = random_token();
    let expires = crate::storage::now() + chrono::Duration::days(SESSION_DAYS);
    let ua: String = user_agent.chars().take(200).collect();
    let hash = token_hash(&token);
    sessions::create(&state.db, &hash, user_id, expires, &ua).await?;
    // Active again: an inactivity reminder no longer holds.
    crate::storage::account_life::touch_login(&state.db, user_id).await?;
    cookies::set(
        res,
        state.config.secure_cookies,
        cookies::SESSION,
        &token,
        Some(SESSION_DAYS * 24 * 3600),
    );
    Ok(hash)
}
