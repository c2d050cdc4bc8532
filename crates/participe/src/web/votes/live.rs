//! The live counter of a project's voters, for display at public events:
//! a page that works without JavaScript (the figure at load time) and a
//! server-sent event stream that `static/live.js` follows. The stream reads
//! the database once a second, so it shows votes cast on any app server.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::response::Html;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream};

use crate::app::AppState;
use crate::storage::ballots;
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::form::PathParams;
use crate::web::projects::visible_project;
use crate::web::render;

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(slug): PathParams<String>,
) -> AppResult<Html<String>> {
    let project = visible_project(&state, &ctx, &slug).await?;
    let voters = ballots::project_voters(&state.db, project.id).await?;
    render::page(&state, &ctx, "votes/live.html", view! { project, voters }).await
}

pub async fn events(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(slug): PathParams<String>,
) -> AppResult<Sse<impl Stream<Item = Result<Event, Infallible>>>> {
    let project = visible_project(&state, &ctx, &slug).await?;
    let db = state.db.clone();
    // (last figure sent, first poll?) → the next event when the figure changes.
    let s = stream::unfold((None::<i64>, true), move |(last, first)| {
        let db = db.clone();
        async move {
            loop {
                if !first || last.is_some() {
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
                let Ok(n) = ballots::project_voters(&db, project.id).await else {
                    continue;
                };
                if Some(n) != last {
                    let event = Event::default().event("voters").data(n.to_string());
                    return Some((Ok(event), (Some(n), false)));
                }
            }
        }
    });
    Ok(Sse::new(s).keep_alive(KeepAlive::default()))
}
