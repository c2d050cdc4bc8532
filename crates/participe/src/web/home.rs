//! The home page, the language switch and the terms page.

use std::collections::HashMap;

use crate::view;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use participe_domain::project::{Phase, StepDates, Visibility, phase_at};
use serde::Deserialize;

use super::context::Ctx;
use super::error::AppResult;
use super::{cookies, render};
use crate::app::AppState;
use crate::i18n::Lang;
use crate::storage::{projects, steps};

/// Visibilities a viewer may see listed.
pub fn listed_visibilities(ctx: &Ctx) -> &'static [Visibility] {
    if ctx.user.is_some() {
        &[Visibility::Public, Visibility::Restricted]
    } else {
        &[Visibility::Public]
    }
}

pub async fn index(State(state): State<AppState>, ctx: Ctx) -> AppResult<Html<String>> {
    let list = projects::list_with_visibility(&state.db, listed_visibilities(&ctx)).await?;
    let mut dates: HashMap<i64, Vec<StepDates>> = HashMap::new();
    for s in steps::published_of_all(&state.db).await? {
        dates.entry(s.project_id).or_default().push(StepDates {
            starts_at: s.starts_at,
            ends_at: s.ends_at,
        });
    }
    let now = chrono::Utc::now();
    let (mut open, mut upcoming, mut past) = (vec![], vec![], vec![]);
    for p in list {
        match phase_at(now, dates.get(&p.id).map(Vec::as_slice).unwrap_or(&[])) {
            Phase::Open => open.push(p),
            Phase::Upcoming => upcoming.push(p),
            Phase::Past => past.push(p),
        }
    }
    render::page(&state, &ctx, "home.html", view! { open, upcoming, past }).await
}

#[derive(Deserialize, Default)]
pub struct NextQuery {
    #[serde(default)]
    next: Option<String>,
}

/// A local path to go back to; anything else (other sites, `//host`) becomes `/`.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_string(),
        _ => "/".to_string(),
    }
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
