//! Forgotten password: a reset link by email, then a new password.

use crate::view;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use participe_domain::{FieldErrors, text};
use serde::Deserialize;

use crate::app::AppState;
use crate::security::{hash_password_async, token_hash};
use crate::services::accounts;
use crate::storage::tokens::{self, Purpose};
use crate::storage::{sessions, users};
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::form::{HtmlForm, PathParams, errors_value, no_errors, redirect_with_flash};
use crate::web::limits::{Limited, check};
use crate::web::render;

pub async fn forgot_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Html<String>> {
    render::page(
        &state,
        &ctx,
        "accounts/forgot.html",
        view! { errors => no_errors(), email => "" },
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ForgotForm {
    email: String,
}

pub async fn forgot_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(f): HtmlForm<ForgotForm>,
) -> AppResult<Response> {
    check(&state, &ctx, Limited::PasswordReset).await?;
    match participe_domain::email::parse(&f.email) {
        Ok(email) => {
            accounts::send_password_reset(&state.db, &state.config, &state.i18n, ctx.lang, &email).await?;
            let text = view! { title_id => "forgot-done-title", text_id => "forgot-done-text", email };
            Ok(render::page(&state, &ctx, "message.html", text).await?.into_response())
        }
        Err(code) => {
            let mut errors = FieldErrors::new();
            errors.add("email", code);
            let errors = errors_value(&state.i18n, ctx.lang, &errors);
            let page = render::page(&state, &ctx, "accounts/forgot.html", view! { errors, email => f.email }).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

async fn invalid_link(state: &AppState, ctx: &Ctx) -> AppResult<Response> {
    let text = view! { title_id => "reset-invalid-title", text_id => "reset-invalid-text" };
    Ok((StatusCode::GONE, render::page(state, ctx, "message.html", text).await?).into_response())
}

pub async fn reset_form(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(token): PathParams<String>,
) -> AppResult<Response> {
    if tokens::peek(&state.db, &token_hash(&token), Purpose::ResetPassword)
        .await?
        .is_none()
    {
        return invalid_link(&state, &ctx).await;
    }
    Ok(render::page(
        &state,
        &ctx,
        "accounts/reset.html",
        view! { errors => no_errors(), token },
    )
    .await?
    .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ResetForm {
    password: String,
}

pub async fn reset_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(token): PathParams<String>,
    HtmlForm(f): HtmlForm<ResetForm>,
) -> AppResult<Response> {
    let password = match text::password(&f.password) {
        Ok(p) => p,
        Err(code) => {
            let mut errors = FieldErrors::new();
            errors.add("password", code);
            let errors = errors_value(&state.i18n, ctx.lang, &errors);
            let page = render::page(&state, &ctx, "accounts/reset.html", view! { errors, token }).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let hash = hash_password_async(password).await?;
    let Some(user_id) = tokens::consume(&state.db, &token_hash(&token), Purpose::ResetPassword).await? else {
        return invalid_link(&state, &ctx).await;
    };
    users::set_password(&state.db, user_id, &hash).await?;
    // The link proved access to the mailbox; old sessions may be an attacker's.
    users::confirm_email(&state.db, user_id).await?;
    sessions::delete_for_user(&state.db, user_id).await?;
    Ok(redirect_with_flash(&state, "/login", "flash-password-reset"))
}
