//! "Contact the author": a message relayed by email without revealing
//! either address, behind a honeypot field, a rate limit and a
//! proof-of-work challenge solved by the browser (static/pow.js).

use axum::extract::State;
use axum::response::Response;
use participe_domain::{FieldErrors, text};
use serde::Deserialize;

use super::visible_proposal;
use crate::app::AppState;
use crate::storage::{org, users};
use crate::view;
use crate::web::antibot::{self, DIFFICULTY};
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, PathParams, errors_value, redirect_with_flash};
use crate::web::limits::{Limited, check};
use crate::web::render;

async fn form_page(state: &AppState, ctx: &Ctx, id: i64, message: &str, errors: &FieldErrors) -> AppResult<Response> {
    let (proposal, _) = visible_proposal(state, ctx, id).await?;
    let nonce = antibot::challenge(state).await?;
    let html = render::page(
        state,
        ctx,
        "proposals/contact.html",
        view! { proposal, nonce, difficulty => DIFFICULTY, message, errors => errors_value(&state.i18n, ctx.lang, errors) },
    )
    .await?;
    Ok(crate::web::form::form_response(html, !errors.is_empty()))
}

pub async fn form(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.user()?;
    form_page(&state, &ctx, id, "", &FieldErrors::new()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ContactForm {
    message: String,
    /// The honeypot: hidden from people, filled in by naive bots.
    website: String,
    pow_nonce: String,
    pow_solution: String,
}

pub async fn send(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<ContactForm>,
) -> AppResult<Response> {
    let user = ctx.user()?;
    check(&state, &ctx, Limited::Contact).await?;
    let (proposal, _) = visible_proposal(&state, &ctx, id).await?;
    if !proposal.is_published() {
        return Err(AppError::forbidden());
    }
    let done = redirect_with_flash(&state, &format!("/proposals/{id}"), "flash-message-sent");
    if antibot::is_bot(&f.website) {
        // A bot: answer as if all went well, send nothing.
        return Ok(done);
    }
    let mut errors = FieldErrors::new();
    let message = errors.check("message", text::message(&f.message, 5000));
    if !antibot::solved(&state, &f.pow_nonce, &f.pow_solution).await? {
        errors.add("message", "error-pow-failed");
    }
    let Some(message) = message.filter(|_| errors.is_empty()) else {
        return form_page(&state, &ctx, id, &f.message, &errors).await;
    };
    let author = users::by_id(&state.db, proposal.author_id).await?;
    if let Some(to) = author.as_ref().and_then(|a| a.email.clone()) {
        let lang = author
            .as_ref()
            .and_then(|a| crate::i18n::Lang::parse(&a.locale))
            .unwrap_or(crate::i18n::Lang::Fr);
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("org", org::get(&state.db).await?.name);
        args.set("title", proposal.title.clone());
        args.set("sender", user.display_name.clone().unwrap_or_default());
        args.set("message", message);
        args.set("link", format!("{}/proposals/{id}", state.config.public_url));
        let subject = state.i18n.t(lang, "email-contact-subject", Some(&args));
        let body = state.i18n.t(lang, "email-contact-body", Some(&args));
        crate::mail::queue(&state.db, state.config.smtp.as_ref(), &to, &subject, &body).await?;
    }
    Ok(done)
}
