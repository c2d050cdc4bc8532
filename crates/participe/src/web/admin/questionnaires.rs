//! Back office: a questionnaire or votation step — its settings, its
//! questions (the shared editor, questions.rs), a preview and the results.

use axum::extract::{RawForm, State};
use axum::response::Response;
use participe_domain::permission::Action;
use participe_domain::questionnaire::{Kind, RawSettings, parse_settings};
use participe_domain::step::StepType;

use super::questions::{Failed, admin_views, kinds};
use crate::app::AppState;
use crate::storage::steps::{self, Step};
use crate::storage::{forms, projects, questionnaires, votes};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{PathParams, errors_value, pairs, redirect_with_flash, value as get};
use crate::web::render;

async fn questionnaire_step(state: &AppState, id: i64) -> AppResult<Step> {
    steps::by_id(&state.db, id)
        .await?
        .filter(|s| s.step_type == StepType::Questionnaire.as_str())
        .ok_or_else(AppError::not_found)
}

pub(super) async fn page(state: &AppState, ctx: &Ctx, step: &Step, failed: Failed) -> AppResult<Response> {
    let project = projects::by_id(&state.db, step.project_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let q = questionnaires::get_or_create(&state.db, step.id).await?;
    let questions = admin_views(&forms::questions(&state.db, q.form_id).await?);
    let s = &q.settings;
    let settings = view! {
        kind => s.kind.as_str(), intro => s.intro, multiple_replies => s.multiple_replies, anonymous => s.anonymous,
        drafts => s.drafts, acknowledge => s.acknowledge, results_public => s.results_public,
        req_confirmed_email => s.requirements.confirmed_email,
        req_verified_identity => s.requirements.verified_identity,
        req_id_code => s.requirements.id_code,
        req_phone => s.requirements.phone,
        req_min_age => s.requirements.min_age, req_postal_codes => s.requirements.postal_codes.join(", "),
    };
    let values: std::collections::BTreeMap<String, String> = failed.values.into_iter().collect();
    let is_failed = !failed.errors.is_empty();
    let html = render::page(
        state,
        ctx,
        "admin/questionnaire.html",
        view! {
            project,
            step,
            settings,
            vote => s.kind == Kind::Vote,
            published => q.results_published_at.is_some(),
            replies => questionnaires::reply_count(&state.db, step.id).await?,
            mediators => votes::mediators(&state.db, step.id).await?,
            questions,
            kinds => kinds(),
            values,
            failed => is_failed,
            errors => errors_value(&state.i18n, ctx.lang, &failed.errors),
        },
    )
    .await?;
    Ok(crate::web::form::form_response(html, is_failed))
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = questionnaire_step(&state, id).await?;
    page(&state, &ctx, &step, Failed::default()).await
}

pub async fn save_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = questionnaire_step(&state, id).await?;
    let p = pairs(&raw);
    let on = |k: &str| !get(&p, k).is_empty();
    let raw_settings = RawSettings {
        kind: get(&p, "kind"),
        intro: get(&p, "intro"),
        multiple_replies: on("multiple_replies"),
        anonymous: on("anonymous"),
        drafts: on("drafts"),
        acknowledge: on("acknowledge"),
        results_public: on("results_public"),
        req_confirmed_email: on("req_confirmed_email"),
        req_verified_identity: on("req_verified_identity"),
        req_id_code: on("req_id_code"),
        req_phone: on("req_phone"),
        req_min_age: get(&p, "req_min_age"),
        req_postal_codes: get(&p, "req_postal_codes"),
    };
    match parse_settings(&raw_settings) {
        Ok(s) => {
            let current = questionnaires::get_or_create(&state.db, id).await?;
            // A votation's kind is fixed once ballots exist (they hold no voter).
            if current.settings.kind != s.kind && questionnaires::reply_count(&state.db, id).await? > 0 {
                let mut errors = participe_domain::FieldErrors::new();
                errors.add("kind", "error-kind-locked");
                return page(&state, &ctx, &step, Failed { errors, values: p }).await;
            }
            questionnaires::save_settings(&state.db, id, &s).await?;
            Ok(redirect_with_flash(
                &state,
                &format!("/admin/steps/{id}/questionnaire"),
                "flash-saved",
            ))
        }
        Err(errors) => page(&state, &ctx, &step, Failed { errors, values: p }).await,
    }
}

/// Publishes the results (a votation's after its close) or withdraws them.
pub async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = questionnaire_step(&state, id).await?;
    let p = pairs(&raw);
    let publish = get(&p, "publish") == "yes";
    let closed = participe_domain::step::state_at(chrono::Utc::now(), step.starts_at, step.ends_at)
        == participe_domain::step::StepState::Closed;
    if publish && !closed {
        let mut errors = participe_domain::FieldErrors::new();
        errors.add("publish", "error-publish-before-close");
        return page(&state, &ctx, &step, Failed { errors, values: vec![] }).await;
    }
    questionnaires::set_published(&state.db, id, publish).await?;
    Ok(redirect_with_flash(
        &state,
        &format!("/admin/steps/{id}/questionnaire"),
        "flash-saved",
    ))
}

fn to_mediators(state: &AppState, id: i64) -> Response {
    redirect_with_flash(
        state,
        &format!("/admin/steps/{id}/questionnaire#mediators"),
        "flash-saved",
    )
}

/// Names a mediator of a votation (who enters its paper ballots), by email.
pub async fn add_mediator(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = questionnaire_step(&state, id).await?;
    let p = pairs(&raw);
    match super::vote::name_mediator(&state, id, get(&p, "email")).await? {
        Ok(()) => Ok(to_mediators(&state, id)),
        Err(errors) => page(&state, &ctx, &step, Failed { errors, values: p }).await,
    }
}

pub async fn remove_mediator(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams((id, user)): PathParams<(i64, i64)>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    questionnaire_step(&state, id).await?;
    votes::remove_mediator(&state.db, id, user).await?;
    Ok(to_mediators(&state, id))
}
