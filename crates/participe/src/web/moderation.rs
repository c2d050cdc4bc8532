//! The public moderation log: what was hidden or restored, when and why
//! (never by whom), so anyone can check nothing is censored silently.

use axum::extract::{Query, State};
use axum::response::Html;

use super::context::Ctx;
use super::error::AppResult;
use super::pagination::{PageQuery, Pager};
use super::render;
use crate::app::AppState;
use crate::storage::moderation;
use crate::view;

pub const PER_PAGE: i64 = 50;

pub async fn log(State(state): State<AppState>, ctx: Ctx, Query(q): Query<PageQuery>) -> AppResult<Html<String>> {
    let pager = Pager::new(&q, PER_PAGE, moderation::log_count(&state.db).await?);
    let entries = moderation::log(&state.db, pager.per_page, pager.offset()).await?;
    render::page(&state, &ctx, "moderation.html", view! { entries, pager }).await
}
