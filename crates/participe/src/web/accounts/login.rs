//! Log-in and log-out.

use crate::view;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use participe_domain::FieldErrors;
use serde::Deserialize;

use super::start_session;
use crate::app::AppState;
use crate::security::verify_password_async;
use crate::storage::{sessions, sso, users};
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::form::{HtmlForm, errors_value, no_errors, redirect_with_flash};
use crate::web::limits::{Limited, check};
use crate::web::redirect::safe_next;
use crate::web::{cookies, render};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginQuery {
    next: Option<String>,
}

pub async fn form(State(state): State<AppState>, ctx: Ctx, Query(q): Query<LoginQuery>) -> AppResult<Html<String>> {
    let next = safe_next(q.next.as_deref());
    let providers = sso::enabled(&state.db).await?;
    render::page(
        &state,
        &ctx,
        "accounts/login.html",
        view! { errors => no_errors(), email => "", next, providers },
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    email: String,
    password: String,
    next: Option<String>,
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    HtmlForm(f): HtmlForm<LoginForm>,
) -> AppResult<Response> {
    check(&state, &ctx, Limited::Login).await?;
    let next = safe_next(f.next.as_deref());
    let email = f.email.trim().to_lowercase();
    let user = if email.is_empty() {
        None
    } else {
        users::by_email(&state.db, &email).await?
    };
    let ok = verify_password_async(f.password, user.as_ref().and_then(|u| u.password_hash.clone())).await;
    match user {
        Some(user) if ok && user.deleted_at.is_none() => {
            let mut res = redirect_with_flash(&state, &next, "flash-logged-in");
            let ua = headers
                .get(header::USER_AGENT)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            start_session(&state, &mut res, user.id, ua).await?;
            Ok(res)
        }
        _ => {
            let mut errors = FieldErrors::new();
            errors.add("email", "error-login-failed");
            let errors = errors_value(&state.i18n, ctx.lang, &errors);
            let providers = sso::enabled(&state.db).await?;
            let page = render::page(
                &state,
                &ctx,
                "accounts/login.html",
                view! { errors, email => f.email, next, providers },
            )
            .await?;
            Ok((StatusCode::UNAUTHORIZED, page).into_response())
        }
    }
}

/// Ends the session; one opened through a provider whose discovery
/// document offers a logout endpoint ends there too (the provider then
/// sends the person back to the home page).
pub async fn logout(State(state): State<AppState>, mut ctx: Ctx) -> AppResult<Response> {
    // Any page shown from here on is for someone logged out.
    ctx.user = None;
    let mut res = None;
    if let Some(hash) = &ctx.session_hash {
        if let Some((provider, id_token)) = sso::session_provider(&state.db, hash).await?
            && let Some(p) = sso::by_id(&state.db, provider).await?
            && let Some(url) = state.sso.logout_url(&state.config, &p, &id_token).await
        {
            let (title, text) = ("sso-leaving-logout", "sso-leaving-logout-text");
            res = Some(super::sso::leaving(&state, &ctx, &url, title, text, &p.label).await?);
        }
        sessions::delete(&state.db, hash).await?;
    }
    let mut res = res.unwrap_or_else(|| axum::response::Redirect::to("/").into_response());
    cookies::set(
        &mut res,
        state.config.secure_cookies,
        cookies::FLASH,
        "flash-logged-out",
        Some(60),
    );
    cookies::clear(&mut res, state.config.secure_cookies, cookies::SESSION);
    Ok(res)
}
