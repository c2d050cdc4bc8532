//! Events for visitors: the upcoming and past ones, an event's page with its
//! registration (a seat or the waiting list), its `.ics` file and the
//! calendar feed of every published event.

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use chrono::{Duration, Utc};
use participe_domain::event::Seat;
use participe_domain::permission::Action;
use participe_domain::project::Visibility;

use super::context::Ctx;
use super::error::{AppError, AppResult};
use super::form::{PathParams, redirect_with_flash};
use super::limits::{Limited, check};
use super::pagination::{PageQuery, Pager};
use super::render;
use crate::app::AppState;
use crate::services::events as service;
use crate::storage::events::{self, Event};
use crate::view;
use participe_domain::translation::Kind;

const PER_PAGE: i64 = 12;
/// How far back the calendar feed goes.
const FEED_DAYS: i64 = 180;

async fn list(state: &AppState, ctx: &Ctx, q: &PageQuery, past: bool) -> AppResult<Html<String>> {
    let now = Utc::now();
    let total = events::count_published(&state.db, now, past).await?;
    let pager = Pager::new(q, PER_PAGE, total);
    let list = events::published(&state.db, now, past, PER_PAGE, pager.offset()).await?;
    let tr = state.translations.get(&state.db, ctx.lang).await?;
    let list = tr.event_cards(list);
    render::page(state, ctx, "events/list.html", view! { events => list, pager, past }).await
}

pub async fn upcoming(State(state): State<AppState>, ctx: Ctx, Query(q): Query<PageQuery>) -> AppResult<Html<String>> {
    list(&state, &ctx, &q, false).await
}

pub async fn past(State(state): State<AppState>, ctx: Ctx, Query(q): Query<PageQuery>) -> AppResult<Html<String>> {
    list(&state, &ctx, &q, true).await
}

/// A published event; staff also see unpublished ones (a preview).
async fn visible(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<Event> {
    let e = events::get(&state.db, id).await?;
    if e.published || ctx.can(Action::ManageProjects) {
        Ok(e)
    } else {
        Err(AppError::not_found())
    }
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Html<String>> {
    let mut e = visible(&state, &ctx, id).await?;
    let tr = state.translations.get(&state.db, ctx.lang).await?;
    let event_lang = tr.event(&mut e);
    let groups = ctx.groups();
    let linked: Vec<_> = crate::storage::projects::of_event(&state.db, id)
        .await?
        .into_iter()
        .filter(|p| p.visibility() != Visibility::Draft && p.visible_to(ctx.role(), &groups))
        .map(|p| {
            let (title, lang) = tr.show(Kind::Project, p.id, "title", &p.title);
            view! { slug => p.slug, title, lang }
        })
        .collect();
    let seat = match &ctx.user {
        Some(u) => events::seat_of(&state.db, id, u.id).await?.map(Seat::as_str),
        None => None,
    };
    let open = e.open_for_registration(Utc::now());
    let seats_left = e.seats_left();
    render::page(
        &state,
        &ctx,
        "events/show.html",
        view! { event => e, event_lang, linked, seat, open, seats_left },
    )
    .await
}

pub async fn register(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    let user = ctx.user()?;
    let e = visible(&state, &ctx, id).await?;
    if !e.published || !e.open_for_registration(Utc::now()) {
        return Err(AppError::bad_request("registration is closed"));
    }
    check(&state, &ctx, Limited::Participation(user.id)).await?;
    let flash = match events::register(&state.db, id, user.id).await? {
        Seat::Confirmed => "flash-event-registered",
        Seat::Waiting => "flash-event-waiting",
    };
    Ok(redirect_with_flash(&state, &format!("/events/{id}"), flash))
}

pub async fn unregister(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    let user = ctx.user()?;
    let e = visible(&state, &ctx, id).await?;
    if !e.open_for_registration(Utc::now()) {
        return Err(AppError::bad_request("registration is closed"));
    }
    service::unregister(&state.db, &state.config, &state.i18n, id, user.id).await?;
    Ok(redirect_with_flash(
        &state,
        &format!("/events/{id}"),
        "flash-event-unregistered",
    ))
}

fn ics_response(body: String, filename: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// One event's `.ics` file.
pub async fn ics(State(state): State<AppState>, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    let e = events::get(&state.db, id).await?;
    if !e.published {
        return Err(AppError::not_found());
    }
    let org = state.org.get(&state.db).await?;
    let body = crate::ics::calendar(&org.name, &state.config.public_url, std::slice::from_ref(&e));
    Ok(ics_response(body, &format!("event-{id}.ics")))
}

/// The calendar feed: published events of the last six months and to come.
pub async fn feed(State(state): State<AppState>) -> AppResult<Response> {
    let since = Utc::now() - Duration::days(FEED_DAYS);
    let list = events::published(&state.db, since, false, 1_000, 0).await?;
    let org = state.org.get(&state.db).await?;
    let body = crate::ics::calendar(&org.name, &state.config.public_url, &list);
    Ok(ics_response(body, "events.ics"))
}
