//! Back office: events — written, linked to projects, published, cancelled
//! (registrants told), their registrants listed and exported as CSV.

use axum::extract::State;
use axum::response::{Html, Response};
use chrono::{DateTime, Utc};
use participe_domain::FieldErrors;
use participe_domain::event::{EventInput, RawEvent};
use participe_domain::permission::Action;
use serde::Deserialize;

use super::export::{csv_download, csv_table};
use super::steps::to_utc;
use crate::app::AppState;
use crate::services::events::{self as service, Notice};
use crate::storage::events::{self, Event, EventData};
use crate::storage::projects;
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::form::{HtmlForm, PathParams, errors_value, form_response, redirect_with_flash};
use crate::web::render;

const BASE: &str = "/admin/events";

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Html<String>> {
    ctx.require(Action::ManageProjects)?;
    let all = events::all(&state.db).await?;
    render::page(&state, &ctx, "admin/events.html", view! { events => all }).await
}

/// The event form as typed.
#[derive(Deserialize, Default, serde::Serialize)]
#[serde(default)]
pub struct EventForm {
    title: String,
    description: String,
    starts_at: String,
    ends_at: String,
    address: String,
    online_url: String,
    registration: String,
    capacity: String,
    published: String,
    projects: Vec<String>,
}

impl EventForm {
    fn of(e: &Event, projects: Vec<i64>, tz: chrono_tz::Tz) -> EventForm {
        let local = |d: DateTime<Utc>| d.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string();
        let on = |b: bool| if b { "on".to_string() } else { String::new() };
        EventForm {
            title: e.title.clone(),
            description: e.description.clone(),
            starts_at: local(e.starts_at),
            ends_at: local(e.ends_at),
            address: e.address.clone(),
            online_url: e.online_url.clone(),
            registration: on(e.registration),
            capacity: e.capacity.map(|c| c.to_string()).unwrap_or_default(),
            published: on(e.published),
            projects: projects.iter().map(i64::to_string).collect(),
        }
    }

    /// The checked form, dates in UTC, and the chosen projects that exist.
    async fn parse(&self, state: &AppState) -> AppResult<Result<(EventData, Vec<i64>), FieldErrors>> {
        let raw = RawEvent {
            title: &self.title,
            description: &self.description,
            starts_at: &self.starts_at,
            ends_at: &self.ends_at,
            address: &self.address,
            online_url: &self.online_url,
            registration: self.registration == "on",
            capacity: &self.capacity,
            published: self.published == "on",
        };
        let known: Vec<i64> = projects::list_all(&state.db).await?.into_iter().map(|p| p.id).collect();
        let chosen: Vec<i64> = self.projects.iter().filter_map(|p| p.parse().ok()).collect();
        let mut errors = FieldErrors::new();
        if chosen.iter().any(|p| !known.contains(p)) {
            errors.add("projects", "error-choice-unknown");
        }
        let input = match EventInput::parse(&raw) {
            Ok(input) => Some(input),
            Err(e) => {
                for err in e.0 {
                    errors.add(err.field, err.code);
                }
                None
            }
        };
        let tz = state.config.timezone;
        let (Some(input), true) = (input, errors.is_empty()) else {
            return Ok(Err(errors));
        };
        let starts = errors.check("starts_at", to_utc(tz, Some(input.starts_at))).flatten();
        let ends = errors.check("ends_at", to_utc(tz, Some(input.ends_at))).flatten();
        let (Some(starts_at), Some(ends_at)) = (starts, ends) else {
            return Ok(Err(errors));
        };
        Ok(Ok((
            EventData {
                title: input.title,
                description: input.description,
                starts_at,
                ends_at,
                address: input.address,
                online_url: input.online_url,
                registration: input.registration,
                capacity: input.capacity,
                published: input.published,
            },
            chosen,
        )))
    }
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    event: Option<&Event>,
    values: &EventForm,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let all_projects: Vec<_> = projects::list_all(&state.db)
        .await?
        .into_iter()
        .map(|p| view! { id => p.id, name => p.title })
        .collect();
    let registrants = match event {
        Some(e) => events::registrants(&state.db, e.id).await?,
        None => vec![],
    };
    let failed = !errors.is_empty();
    let errors = errors_value(&state.i18n, ctx.lang, errors);
    let html = render::page(
        state,
        ctx,
        "admin/event_form.html",
        view! { event, values, errors, all_projects, registrants },
    )
    .await?;
    Ok(form_response(html, failed))
}

pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    let values = EventForm {
        registration: "on".into(),
        ..Default::default()
    };
    form_page(&state, &ctx, None, &values, &FieldErrors::new()).await
}

pub async fn create(State(state): State<AppState>, ctx: Ctx, HtmlForm(f): HtmlForm<EventForm>) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    match f.parse(&state).await? {
        Ok((data, chosen)) => {
            let id = events::create(&state.db, &data, &chosen).await?;
            Ok(redirect_with_flash(&state, &format!("{BASE}/{id}"), "flash-saved"))
        }
        Err(errors) => form_page(&state, &ctx, None, &f, &errors).await,
    }
}

pub async fn edit(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    let e = events::get(&state.db, id).await?;
    let linked = crate::storage::projects::of_event(&state.db, id)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    let values = EventForm::of(&e, linked, state.config.timezone);
    form_page(&state, &ctx, Some(&e), &values, &FieldErrors::new()).await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<EventForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    let e = events::get(&state.db, id).await?;
    match f.parse(&state).await? {
        Ok((data, chosen)) => {
            let moved = events::update(&state.db, id, &data, &chosen).await?;
            let e = events::get(&state.db, id).await?;
            service::tell(&state.db, &state.config, &state.i18n, &e, &moved, Notice::MovedUp).await?;
            Ok(redirect_with_flash(&state, &format!("{BASE}/{id}"), "flash-saved"))
        }
        Err(errors) => form_page(&state, &ctx, Some(&e), &f, &errors).await,
    }
}

/// Cancels the event; everyone registered is told by email.
pub async fn cancel(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    events::get(&state.db, id).await?;
    service::cancel(&state.db, &state.config, &state.i18n, id).await?;
    Ok(redirect_with_flash(
        &state,
        &format!("{BASE}/{id}"),
        "flash-event-cancelled",
    ))
}

pub async fn delete(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    events::delete(&state.db, id).await?;
    Ok(redirect_with_flash(&state, BASE, "flash-deleted"))
}

/// The registrants (seats first, then the waiting list), for the door list.
pub async fn registrants_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    events::get(&state.db, id).await?;
    let rows = events::registrants(&state.db, id).await?.into_iter().map(|r| {
        vec![
            r.display_name.unwrap_or_default(),
            r.email.unwrap_or_default(),
            r.status,
            r.created_at.to_rfc3339(),
        ]
    });
    let bytes = csv_table(&["name", "email", "status", "registered_at"], rows)?;
    Ok(csv_download(&format!("event-{id}-registrants.csv"), bytes))
}
