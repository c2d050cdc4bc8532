//! Email confirmation by an expiring, single-use link.

use crate::view;
use axum::extract::State;
use axum::response::{IntoResponse, Response};

use crate::app::AppState;
use crate::security::token_hash;
use crate::services::accounts;
use crate::storage::tokens::{self, Purpose};
use crate::storage::users;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::form::{PathParams, redirect_with_flash};
use crate::web::render;

pub async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(token): PathParams<String>,
) -> AppResult<Response> {
    match tokens::consume(&state.db, &token_hash(&token), Purpose::ConfirmEmail).await? {
        Some(user_id) => {
            users::confirm_email(&state.db, user_id).await?;
            let to = if ctx.user.is_some() { "/account" } else { "/login" };
            Ok(redirect_with_flash(&state, to, "flash-email-confirmed"))
        }
        None => {
            let text = view! { title_id => "confirm-invalid-title", text_id => "confirm-invalid-text" };
            let page = render::page(&state, &ctx, "message.html", text).await?;
            Ok((axum::http::StatusCode::GONE, page).into_response())
        }
    }
}

/// Sends a new confirmation link to the signed-in user.
pub async fn resend(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = ctx.user()?;
    if !user.is_confirmed()
        && let Some(email) = &user.email
    {
        accounts::send_confirmation(&state.db, &state.config, &state.i18n, ctx.lang, user.id, email).await?;
    }
    Ok(redirect_with_flash(&state, "/account", "flash-confirmation-sent"))
}
