//! The home page, the language switch and the terms page.

use crate::view;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use participe_domain::project::Visibility;
use serde::Deserialize;

use super::context::Ctx;
use super::error::AppResult;
use super::redirect::safe_next;
use super::{cookies, render};
use crate::app::AppState;
use crate::i18n::Lang;

/// Visibilities a viewer may see listed.
pub fn listed_visibilities(ctx: &Ctx) -> &'static [Visibility] {
    if ctx.user.is_some() {
        &[Visibility::Public, Visibility::Restricted]
    } else {
        &[Visibility::Public]
    }
}

pub async fn index(State(state): State<AppState>, ctx: Ctx) -> AppResult<Html<String>> {
    let sections = super::home_sections::views(&state, &ctx).await?;
    // The page's h1 is the first section's when it is an introduction.
    let intro_first = sections.first().is_some_and(|s| s.kind == "intro");
    render::page(&state, &ctx, "home.html", view! { sections, intro_first }).await
}

#[derive(Deserialize, Default)]
pub struct NextQuery {
    #[serde(default)]
    next: Option<String>,
}

/// Remembers the chosen language in a cookie (and on the account) and goes back.
pub async fn switch_lang(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
    Query(q): Query<NextQuery>,
) -> AppResult<Response> {
    let Some(lang) = Lang::parse(&code) else {
        return Err(super::error::AppError::not_found());
    };
    let mut res = Redirect::to(&safe_next(q.next.as_deref())).into_response();
    cookies::set(
        &mut res,
        state.config.secure_cookies,
        cookies::LANG,
        lang.code(),
        Some(365 * 24 * 3600),
    );
    let _ = ctx;
    Ok(res)
}

pub async fn terms(State(state): State<AppState>, ctx: Ctx) -> AppResult<Html<String>> {
    render::page(&state, &ctx, "terms.html", view! {}).await
}
