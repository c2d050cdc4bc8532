//! Back office: the email outbox, readable when no SMTP server is set.

use crate::view;
use axum::extract::{Query, State};
use axum::response::Html;
use participe_domain::permission::Action;

use crate::app::AppState;
use crate::storage::outbox;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::PathParams;
use crate::web::pagination::{PageQuery, Pager};
use crate::web::render;

pub const PER_PAGE: i64 = 50;

pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<PageQuery>) -> AppResult<Html<String>> {
    ctx.require(Action::ReadOutbox)?;
    let pager = Pager::new(&q, PER_PAGE, outbox::count(&state.db).await?);
    let emails = outbox::list(&state.db, pager.per_page, pager.offset()).await?;
    let smtp = state.config.smtp.is_some();
    render::page(&state, &ctx, "admin/emails.html", view! { emails, pager, smtp }).await
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Html<String>> {
    ctx.require(Action::ReadOutbox)?;
    let email = outbox::get(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    // Links of the platform itself, clickable so that every email flow can be
    // followed without a mail server.
    let links: Vec<&str> = email
        .body_text
        .split_whitespace()
        .filter(|w| w.starts_with(&state.config.public_url))
        .collect();
    render::page(&state, &ctx, "admin/email.html", view! { email, links }).await
}
