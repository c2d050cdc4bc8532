//! The home page, the language switch and the terms page.

use std::collections::HashMap;

use crate::view;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use participe_domain::project::{Phase, Visibility, phase_at};
use serde::Deserialize;

use super::context::Ctx;
use super::error::AppResult;
use super::redirect::safe_next;
use super::{cards, cookies, render};
use crate::app::AppState;
use crate::i18n::Lang;
use crate::storage::{counters, projects, steps};

/// Visibilities a viewer may see listed.
pub fn listed_visibilities(ctx: &Ctx) -> &'static [Visibility] {
    if ctx.user.is_some() {
        &[Visibility::Public, Visibility::Restricted]
    } else {
        &[Visibility::Public]
    }
}

/// How many open projects show their counters on the home page.
const COUNTED_PROJECTS: usize = 12;

pub async fn index(State(state): State<AppState>, ctx: Ctx) -> AppResult<Html<String>> {
    let list = projects::list_with_visibility(&state.db, listed_visibilities(&ctx)).await?;
    let mut by_project: HashMap<i64, Vec<steps::Step>> = HashMap::new();
    for s in steps::published_of_all(&state.db).await? {
        by_project.entry(s.project_id).or_default().push(s);
    }
    let now = chrono::Utc::now();
    let (mut open, mut upcoming, mut past) = (vec![], vec![], vec![]);
    for p in list {
        let steps = by_project.remove(&p.id).unwrap_or_default();
        match phase_at(now, &cards::dates_of(&steps)) {
            Phase::Open => {
                // Counters only for open projects, the ones people act on,
                // and for the first few of them: the page's database work
                // stays bounded however many projects are open at once.
                let counters = if open.len() < COUNTED_PROJECTS {
                    Some(state.counters.project(&state.db, p.id).await?)
                } else {
                    None
                };
                open.push(cards::card(now, &p, &steps, counters));
            }
            Phase::Upcoming => upcoming.push(cards::card(now, &p, &steps, None)),
            Phase::Past => past.push(cards::card(now, &p, &steps, None)),
        }
    }
    // The hero's figures add up the open projects.
    let figures = open
        .iter()
        .filter_map(|c| c.counters)
        .fold(counters::Counters::default(), |a, c| counters::Counters {
            participants: a.participants + c.participants,
            contributions: a.contributions + c.contributions,
            votes: a.votes + c.votes,
        });
    // The hero's call: an open vote first, else the first open project.
    let hero_call = open
        .iter()
        .find(|c| c.cta == "vote")
        .or_else(|| open.first())
        .map(|c| view! { cta => c.cta, href => c.cta_href, title => c.title });
    let open_count = open.len();
    let sections = [
        view! { id => "home-open", wide => true, cards => open },
        view! { id => "home-upcoming", wide => false, cards => upcoming },
        view! { id => "home-past", wide => false, cards => past },
    ];
    render::page(
        &state,
        &ctx,
        "home.html",
        view! { sections, figures, hero_call, open_count },
    )
    .await
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
