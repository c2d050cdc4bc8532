//! Back office: the ordered steps of a project.

use crate::view;
use axum::extract::State;
use axum::response::Response;
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use participe_domain::FieldErrors;
use participe_domain::permission::Action;
use participe_domain::step::{RawStep, StepInput, StepType};
use serde::Deserialize;

use crate::app::AppState;
use crate::storage::projects::{self, Project};
use crate::storage::steps::{self, Step, StepData};
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, MoveForm, PathParams, errors_value, no_errors, redirect_with_flash};
use crate::web::render;

#[derive(Deserialize, Default, Debug, Clone, serde::Serialize)]
#[serde(default)]
pub struct StepForm {
    title: String,
    step_type: String,
    body: String,
    starts_at: String,
    ends_at: String,
    published: Option<String>,
}

impl StepForm {
    fn from_step(s: &Step, tz: chrono_tz::Tz) -> StepForm {
        let local = |d: Option<DateTime<Utc>>| {
            d.map(|d| d.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string())
                .unwrap_or_default()
        };
        StepForm {
            title: s.title.clone(),
            step_type: s.step_type.clone(),
            body: s.body.clone(),
            starts_at: local(s.starts_at),
            ends_at: local(s.ends_at),
            published: s.published.then(|| "on".into()),
        }
    }
}

/// A local date and time of the platform's time zone, in UTC. A time that
/// does not exist (skipped by a daylight-saving change) is refused.
pub(crate) fn to_utc(tz: chrono_tz::Tz, local: Option<NaiveDateTime>) -> Result<Option<DateTime<Utc>>, &'static str> {
    match local {
        None => Ok(None),
        Some(n) => tz
            .from_local_datetime(&n)
            .earliest()
            .map(|d| Some(d.with_timezone(&Utc)))
            .ok_or("error-date-invalid"),
    }
}

/// The step form, parsed, with its dates in UTC.
struct Parsed {
    input: StepInput,
    starts_at: Option<DateTime<Utc>>,
    ends_at: Option<DateTime<Utc>>,
}

fn parse(tz: chrono_tz::Tz, f: &StepForm) -> Result<Parsed, FieldErrors> {
    let raw = RawStep {
        title: &f.title,
        step_type: &f.step_type,
        body: &f.body,
        starts_at: &f.starts_at,
        ends_at: &f.ends_at,
    };
    let input = StepInput::parse(&raw)?;
    let mut errors = FieldErrors::new();
    let starts_at = errors.check("starts_at", to_utc(tz, input.starts_at)).flatten();
    let ends_at = errors.check("ends_at", to_utc(tz, input.ends_at)).flatten();
    errors.into_result(|| Parsed {
        input,
        starts_at,
        ends_at,
    })
}

impl Parsed {
    fn data(&self, published: bool) -> StepData<'_> {
        StepData {
            title: &self.input.title,
            step_type: self.input.step_type,
            body: &self.input.body,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            published,
        }
    }
}

async fn project(state: &AppState, id: i64) -> AppResult<Project> {
    projects::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)
}

async fn step(state: &AppState, id: i64) -> AppResult<Step> {
    steps::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)
}

/// The step form page; `step` is None when creating.
async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    project: &Project,
    step: Option<&Step>,
    values: &StepForm,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let types: Vec<&str> = StepType::ALL.iter().map(|t| t.as_str()).collect();
    let errs = if errors.is_empty() {
        no_errors()
    } else {
        errors_value(&state.i18n, ctx.lang, errors)
    };
    let page = render::page(
        state,
        ctx,
        "admin/step_form.html",
        view! { project, step, values, errors => errs, types },
    )
    .await?;
    Ok(crate::web::form::form_response(page, !errors.is_empty()))
}

pub async fn new_form(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    let project = project(&state, id).await?;
    let values = StepForm {
        step_type: "presentation".into(),
        ..Default::default()
    };
    form_page(&state, &ctx, &project, None, &values, &FieldErrors::new()).await
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<StepForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    let project = project(&state, id).await?;
    match parse(state.config.timezone, &f) {
        Ok(p) => {
            steps::create(&state.db, id, &p.data(f.published.is_some())).await?;
            Ok(redirect_with_flash(
                &state,
                &format!("/admin/projects/{id}"),
                "flash-step-created",
            ))
        }
        Err(errors) => form_page(&state, &ctx, &project, None, &f, &errors).await,
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    let step = step(&state, id).await?;
    let project = project(&state, step.project_id).await?;
    let values = StepForm::from_step(&step, state.config.timezone);
    form_page(&state, &ctx, &project, Some(&step), &values, &FieldErrors::new()).await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<StepForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    let step = step(&state, id).await?;
    match parse(state.config.timezone, &f) {
        Ok(p) => {
            steps::update(&state.db, id, &p.data(f.published.is_some())).await?;
            Ok(redirect_with_flash(
                &state,
                &format!("/admin/projects/{}", step.project_id),
                "flash-saved",
            ))
        }
        Err(errors) => {
            let project = project(&state, step.project_id).await?;
            form_page(&state, &ctx, &project, Some(&step), &f, &errors).await
        }
    }
}

pub async fn move_step(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<MoveForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    let step = step(&state, id).await?;
    let up = f.up()?;
    steps::move_step(&state.db, id, up).await?;
    Ok(redirect_with_flash(
        &state,
        &format!("/admin/projects/{}#steps", step.project_id),
        "flash-saved",
    ))
}

pub async fn delete(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    let step = step(&state, id).await?;
    steps::delete(&state.db, id).await?;
    Ok(redirect_with_flash(
        &state,
        &format!("/admin/projects/{}", step.project_id),
        "flash-step-deleted",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_convert_with_daylight_saving() {
        let tz = chrono_tz::Europe::Paris;
        let winter = NaiveDateTime::parse_from_str("2026-01-15T10:00", "%Y-%m-%dT%H:%M").unwrap();
        assert_eq!(
            to_utc(tz, Some(winter)).unwrap().unwrap().to_rfc3339(),
            "2026-01-15T09:00:00+00:00"
        );
        // 29 March 2026, 02:30 does not exist in Paris.
        let gap = NaiveDateTime::parse_from_str("2026-03-29T02:30", "%Y-%m-%dT%H:%M").unwrap();
        assert_eq!(to_utc(tz, Some(gap)), Err("error-date-invalid"));
    }
}
