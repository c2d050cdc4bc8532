//! Newsletter sign-up from the home page's section: the address gets a link
//! to confirm (nobody is signed up by someone else), and the same link's
//! token lets its owner leave. The answer is the same whether or not the
//! address was known, so the form tells nobody who reads the newsletter.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use participe_domain::{FieldErrors, email};
use serde::Deserialize;

use super::antibot;
use super::context::Ctx;
use super::error::AppResult;
use super::form::{HtmlForm, PathParams, errors_value, form_response};
use super::limits::{Limited, check};
use super::render;
use crate::app::AppState;
use crate::security::random_token;
use crate::storage::newsletter;
use crate::view;

#[derive(Deserialize, Default, serde::Serialize)]
#[serde(default)]
pub struct SignUpForm {
    email: String,
    /// The honeypot.
    website: String,
}

/// The sign-up form on its own page (where it comes back with errors).
pub async fn form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let values = SignUpForm::default();
    let errors = super::form::no_errors();
    let html = render::page(&state, &ctx, "newsletter.html", view! { values, errors }).await?;
    Ok(html.into_response())
}

pub async fn sign_up(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(f): HtmlForm<SignUpForm>,
) -> AppResult<Response> {
    check(&state, &ctx, Limited::Contact).await?;
    let sent = || async {
        let html = render::page(&state, &ctx, "newsletter.html", view! { sent => true }).await?;
        Ok(html.into_response())
    };
    if antibot::is_bot(&f.website) {
        return sent().await;
    }
    let mut errors = FieldErrors::new();
    let Some(address) = errors.check("email", email::parse(&f.email)) else {
        let errors = errors_value(&state.i18n, ctx.lang, &errors);
        let html = render::page(&state, &ctx, "newsletter.html", view! { values => f, errors }).await?;
        return Ok(form_response(html, true));
    };
    let (token, confirmed) = newsletter::sign_up(&state.db, &address, ctx.lang.code(), &random_token()).await?;
    if !confirmed {
        let org = state.org.get(&state.db).await?;
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("org", org.name.clone());
        args.set(
            "confirm",
            format!("{}/newsletter/confirm/{token}", state.config.public_url),
        );
        args.set("leave", format!("{}/newsletter/leave/{token}", state.config.public_url));
        let subject = state.i18n.t(ctx.lang, "email-newsletter-subject", Some(&args));
        let body = state.i18n.t(ctx.lang, "email-newsletter-body", Some(&args));
        crate::mail::queue(&state.db, state.config.smtp.as_ref(), &address, &subject, &body).await?;
    }
    sent().await
}

/// The link of the confirmation email.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(token): PathParams<String>,
) -> AppResult<Response> {
    let found = newsletter::confirm(&state.db, &token).await?;
    let html = render::page(&state, &ctx, "newsletter.html", view! { confirmed => found, token }).await?;
    Ok(if found {
        html.into_response()
    } else {
        (axum::http::StatusCode::GONE, html).into_response()
    })
}

/// Asks before forgetting the address (mail scanners follow links).
pub async fn leave_form(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(token): PathParams<String>,
) -> AppResult<Response> {
    let html = render::page(&state, &ctx, "newsletter.html", view! { leaving => true, token }).await?;
    Ok(html.into_response())
}

pub async fn leave(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(token): PathParams<String>,
) -> AppResult<Response> {
    let found = newsletter::leave(&state.db, &token).await?;
    let html = render::page(&state, &ctx, "newsletter.html", view! { left => true, found }).await?;
    Ok(html.into_response())
}
