//! Back office: configuring a collect step — rules, standard fields, custom
//! questions, categories and proposal statuses.

use axum::extract::{RawForm, State};
use axum::response::Response;
use participe_domain::FieldErrors;
use participe_domain::colour::Rgb;
use participe_domain::form::parse_optional_count;
use participe_domain::permission::Action;
use participe_domain::proposal::{FieldMode, StandardField, parse_prefix};
use participe_domain::step::StepType;
use participe_domain::text;
use serde::Deserialize;

use crate::app::AppState;
use crate::storage::collect::{self, SettingsUpdate};
use crate::storage::steps::{self, Step};
use crate::storage::{StoreError, forms, petitions, projects};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, PathParams, errors_value, pairs, redirect_with_flash, value as get};
use crate::web::render;

pub(super) use super::questions::Failed;

/// A collect step, or 404.
pub(super) async fn collect_step(state: &AppState, id: i64) -> AppResult<Step> {
    steps::by_id(&state.db, id)
        .await?
        .filter(|s| s.step_type == StepType::Collect.as_str())
        .ok_or_else(AppError::not_found)
}

pub(super) async fn page(state: &AppState, ctx: &Ctx, step: &Step, failed: Failed) -> AppResult<Response> {
    let project = projects::by_id(&state.db, step.project_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let c = collect::get_or_create(&state.db, step.id).await?;
    let questions = super::questions::admin_views(&forms::questions(&state.db, c.settings.form_id).await?);
    let categories = collect::categories(&state.db, step.id).await?;
    let statuses = collect::statuses(&state.db, step.id).await?;
    let kinds = super::questions::kinds();
    let petition = petitions::settings(&state.db, step.id).await?.map(|p| {
        serde_json::json!({
            "threshold": p.threshold.to_string(),
            "answer_days": p.answer_days.to_string(),
            "archive_days": p.archive_days.map(|d| d.to_string()).unwrap_or_default(),
            "req_verified_identity": p.checks.verified_identity,
            "req_id_code": p.checks.id_code,
            "req_phone": p.checks.phone,
        })
    });
    let values: std::collections::BTreeMap<String, String> = failed.values.into_iter().collect();
    let is_failed = !failed.errors.is_empty();
    let html = render::page(
        state,
        ctx,
        "admin/collect.html",
        view! {
            project,
            step,
            settings => c.settings,
            fields => c.fields,
            questions,
            categories,
            statuses,
            petition,
            kinds,
            values,
            errors => errors_value(&state.i18n, ctx.lang, &failed.errors),
        },
    )
    .await?;
    Ok(crate::web::form::form_response(html, is_failed))
}

fn back(state: &AppState, step_id: i64, anchor: &str) -> Response {
    redirect_with_flash(
        state,
        &format!("/admin/steps/{step_id}/collect#{anchor}"),
        "flash-saved",
    )
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = collect_step(&state, id).await?;
    page(&state, &ctx, &step, Failed::default()).await
}

/// Saves the rules and the mode and help of each standard field.
pub async fn save_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = collect_step(&state, id).await?;
    let p = pairs(&raw);
    let mut errors = FieldErrors::new();
    let prefix = errors.check("reference_prefix", parse_prefix(get(&p, "reference_prefix")));
    let max_cost = errors
        .check("max_cost", parse_optional_count(get(&p, "max_cost")))
        .flatten();
    let min_age = errors
        .check("min_age", parse_optional_count(get(&p, "min_age")))
        .flatten();
    if min_age.is_some_and(|a| a > 120) {
        errors.add("min_age", "error-number-too-large");
    }
    let max_per_person = errors
        .check("max_per_person", parse_optional_count(get(&p, "max_per_person")))
        .flatten()
        .unwrap_or(0);
    let mut fields = Vec::new();
    for f in StandardField::ALL {
        let name = format!("mode-{}", f.as_str());
        let mode = errors.check(name, FieldMode::parse(get(&p, &format!("mode-{}", f.as_str()))));
        let help = errors.check(
            format!("help-{}", f.as_str()),
            text::long_text(get(&p, &format!("help-{}", f.as_str())), 500),
        );
        if let (Some(m), Some(h)) = (mode, help) {
            fields.push((f, m, h));
        }
    }
    let Some(prefix) = prefix.filter(|_| errors.is_empty()) else {
        return page(&state, &ctx, &step, Failed { errors, values: p }).await;
    };
    let update = SettingsUpdate {
        reference_prefix: &prefix,
        max_cost,
        min_age,
        max_per_person,
        fields: &fields,
    };
    collect::save(&state.db, id, &update).await?;
    Ok(back(&state, id, "settings"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CategoryForm {
    #[serde(rename = "category-name")]
    name: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatusForm {
    #[serde(rename = "status-name")]
    name: String,
    #[serde(rename = "status-colour")]
    colour: String,
}

pub async fn add_category(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<CategoryForm>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = collect_step(&state, id).await?;
    let mut errors = FieldErrors::new();
    if let Some(name) = errors.check("category-name", text::title(&f.name)) {
        match collect::add_category(&state.db, id, &name).await {
            Ok(_) => return Ok(back(&state, id, "categories")),
            Err(StoreError::Conflict(_)) => errors.add("category-name", "error-name-taken"),
            Err(e) => return Err(e.into()),
        }
    }
    page(
        &state,
        &ctx,
        &step,
        Failed {
            errors,
            values: vec![("category-name".into(), f.name)],
        },
    )
    .await
}

pub async fn delete_category(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams((id, cid)): PathParams<(i64, i64)>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    collect_step(&state, id).await?;
    collect::delete_category(&state.db, id, cid).await?;
    Ok(back(&state, id, "categories"))
}

pub async fn add_status(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<StatusForm>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = collect_step(&state, id).await?;
    let mut errors = FieldErrors::new();
    let name = errors.check("status-name", text::title(&f.name));
    // Status badges carry white text: the same contrast rule as brand colours.
    let colour = errors.check("status-colour", participe_domain::colour::parse_brand_colour(&f.colour));
    if let (Some(name), Some(colour)) = (name, colour) {
        match collect::add_status(&state.db, id, &name, &Rgb::to_hex(colour)).await {
            Ok(_) => return Ok(back(&state, id, "statuses")),
            Err(StoreError::Conflict(_)) => errors.add("status-name", "error-name-taken"),
            Err(e) => return Err(e.into()),
        }
    }
    let values = vec![("status-name".into(), f.name), ("status-colour".into(), f.colour)];
    page(&state, &ctx, &step, Failed { errors, values }).await
}

pub async fn delete_status(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(sid): PathParams<i64>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let status = collect::status(&state.db, sid).await?.ok_or_else(AppError::not_found)?;
    collect::delete_status(&state.db, sid).await?;
    Ok(back(&state, status.step_id, "statuses"))
}

/// Puts the step in support mode (petitions) or changes its threshold and
/// delays.
pub async fn save_petition(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = collect_step(&state, id).await?;
    let p = pairs(&raw);
    match participe_domain::petition::parse_settings(
        get(&p, "threshold"),
        get(&p, "answer_days"),
        get(&p, "archive_days"),
        participe_domain::petition::Checks {
            verified_identity: get(&p, "req_verified_identity") == "on",
            id_code: get(&p, "req_id_code") == "on",
            phone: get(&p, "req_phone") == "on",
        },
    ) {
        Ok(s) => {
            petitions::save_settings(&state.db, id, &s).await?;
            Ok(back(&state, id, "petition"))
        }
        Err(errors) => page(&state, &ctx, &step, Failed { errors, values: p }).await,
    }
}

/// Takes the step out of support mode; supports already given are kept.
pub async fn petition_off(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    collect_step(&state, id).await?;
    petitions::turn_off(&state.db, id).await?;
    Ok(redirect_with_flash(
        &state,
        &format!("/admin/steps/{id}/collect#petition"),
        "flash-petition-off",
    ))
}
