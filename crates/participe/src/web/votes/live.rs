//! Live counters for display at public events and for other apps: a page
//! showing a project's voters that works without JavaScript (the figure at
//! load time), followed by `static/live.js` through server-sent events; and
//! event streams of a project's or a step's counters (participants,
//! contributions, votes) as JSON. The streams follow
//! `services::live::LiveHub`, which reads the database, so they show what
//! is done on any app server.

use std::convert::Infallible;

use axum::extract::State;
use axum::response::Html;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream};
use tokio::sync::watch;

use crate::app::AppState;
use crate::services::live::Scope;
use crate::storage::counters::{self, Counters};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::PathParams;
use crate::web::projects::visible_project;
use crate::web::render;

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(slug): PathParams<String>,
) -> AppResult<Html<String>> {
    let project = visible_project(&state, &ctx, &slug).await?;
    let voters = counters::project(&state.db, project.id).await?.votes;
    render::page(&state, &ctx, "votes/live.html", view! { project, voters }).await
}

/// A stream of events made by `event` from each new value of the counters.
fn follow(
    rx: watch::Receiver<Option<Counters>>,
    event: fn(&Counters) -> Event,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let s = stream::unfold((rx, true), move |(mut rx, first)| async move {
        // After the first event, wait for a change; the stream ends with the hub.
        if !first {
            rx.changed().await.ok()?;
        }
        loop {
            let current = *rx.borrow_and_update();
            if let Some(c) = current {
                return Some((Ok(event(&c)), (rx, false)));
            }
            rx.changed().await.ok()?;
        }
    });
    Sse::new(s).keep_alive(KeepAlive::default())
}

fn voters_event(c: &Counters) -> Event {
    Event::default().event("voters").data(c.votes.to_string())
}

fn counters_event(c: &Counters) -> Event {
    Event::default()
        .event("counters")
        .data(serde_json::to_string(c).unwrap_or_default())
}

/// A stream of a visible project's counters.
async fn project_stream(
    state: &AppState,
    ctx: &Ctx,
    slug: &str,
    event: fn(&Counters) -> Event,
) -> AppResult<Sse<impl Stream<Item = Result<Event, Infallible>> + use<>>> {
    let project = visible_project(state, ctx, slug).await?;
    Ok(follow(
        state.live.subscribe(&state.db, Scope::Project(project.id)),
        event,
    ))
}

/// The project's votes, for the live page.
pub async fn events(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(slug): PathParams<String>,
) -> AppResult<Sse<impl Stream<Item = Result<Event, Infallible>>>> {
    project_stream(&state, &ctx, &slug, voters_event).await
}

/// A project's counters as JSON events.
pub async fn project_counters(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(slug): PathParams<String>,
) -> AppResult<Sse<impl Stream<Item = Result<Event, Infallible>>>> {
    project_stream(&state, &ctx, &slug, counters_event).await
}

/// A step's counters as JSON events.
pub async fn step_counters(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams((slug, id)): PathParams<(String, i64)>,
) -> AppResult<Sse<impl Stream<Item = Result<Event, Infallible>>>> {
    let project = visible_project(&state, &ctx, &slug).await?;
    let step = crate::storage::steps::by_id(&state.db, id)
        .await?
        .filter(|s| {
            s.project_id == project.id && (s.published || ctx.can(participe_domain::permission::Action::ManageProjects))
        })
        .ok_or_else(AppError::not_found)?;
    Ok(follow(
        state.live.subscribe(&state.db, Scope::Step(step.id)),
        counters_event,
    ))
}
