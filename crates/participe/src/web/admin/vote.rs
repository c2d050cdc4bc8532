//! Back office: configuring a vote step (mode, limits, envelope,
//! requirements, counting rule), the proposals on the ballot, district
//! envelopes, mediators; publishing the results; drawing juries by lot.

use axum::extract::{RawForm, State};
use axum::response::Response;
use participe_domain::FieldErrors;
use participe_domain::form::parse_optional_count;
use participe_domain::jury;
use participe_domain::permission::Action;
use participe_domain::step::StepType;
use participe_domain::vote_config::{CountingRule, RawVoteConfig, VoteConfig};

use crate::app::AppState;
use crate::services::vote_count::{self, PublishError};
use crate::storage::ballots;
use crate::storage::steps::{self, Step};
use crate::storage::{projects, users, votes};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{PathParams, errors_value, form_response, pairs, redirect_with_flash, value as get};
use crate::web::render;

pub(super) async fn vote_step(state: &AppState, id: i64) -> AppResult<Step> {
    steps::by_id(&state.db, id)
        .await?
        .filter(|s| s.step_type == StepType::Vote.as_str())
        .ok_or_else(AppError::not_found)
}

#[derive(Default)]
struct Failed {
    errors: FieldErrors,
    values: Vec<(String, String)>,
}

async fn page(state: &AppState, ctx: &Ctx, step: &Step, failed: Failed) -> AppResult<Response> {
    let project = projects::by_id(&state.db, step.project_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let settings = votes::settings(&state.db, step.id).await?;
    let collect_steps: Vec<Step> = steps::of_project(&state.db, project.id, true)
        .await?
        .into_iter()
        .filter(|s| s.step_type == StepType::Collect.as_str())
        .collect();
    let selectable = votes::selectable(&state.db, project.id).await?;
    let manual = votes::manual_ids(&state.db, step.id).await?;
    let on_ballot = votes::candidates(&state.db, &settings).await?.len();
    let envelopes = votes::envelopes(&state.db, step.id).await?;
    let districts = crate::storage::taxonomy::list(&state.db, crate::storage::taxonomy::Kind::District).await?;
    let amounts: std::collections::BTreeMap<String, i64> = envelopes
        .iter()
        .map(|e| (e.district_id.to_string(), e.amount))
        .collect();
    let rules: Vec<&str> = CountingRule::ALL.iter().map(|r| r.as_str()).collect();
    let values: std::collections::BTreeMap<String, String> = failed.values.into_iter().collect();
    let is_failed = !failed.errors.is_empty();
    let html = render::page(
        state,
        ctx,
        "admin/vote.html",
        view! {
            project, step, settings, collect_steps, selectable, manual, on_ballot, districts, amounts, rules, values,
            mediators => votes::mediators(&state.db, step.id).await?,
            part => ballots::participation(&state.db, step.id).await?,
            juries => ballots::juries(&state.db, step.id).await?.into_iter().map(|(j, m)| view! { j => j, members => m }).collect::<Vec<_>>(),
            errors => errors_value(&state.i18n, ctx.lang, &failed.errors),
        },
    )
    .await?;
    Ok(form_response(html, is_failed))
}

fn back(state: &AppState, id: i64, anchor: &str, flash: &str) -> Response {
    redirect_with_flash(state, &format!("/admin/steps/{id}/vote#{anchor}"), flash)
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = vote_step(&state, id).await?;
    page(&state, &ctx, &step, Failed::default()).await
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = vote_step(&state, id).await?;
    let p = pairs(&raw);
    let on = |k: &str| get(&p, k) == "on";
    let raw_config = RawVoteConfig {
        mode: get(&p, "mode"),
        source: get(&p, "source"),
        min_choices: get(&p, "min_choices"),
        max_choices: get(&p, "max_choices"),
        envelope: get(&p, "envelope"),
        min_spend_percent: get(&p, "min_spend_percent"),
        per_district: on("per_district"),
        counts_public: on("counts_public"),
        req_confirmed_email: on("req_confirmed_email"),
        req_verified_identity: on("req_verified_identity"),
        req_id_code: on("req_id_code"),
        req_phone: on("req_phone"),
        req_min_age: get(&p, "req_min_age"),
        req_postal_codes: get(&p, "req_postal_codes"),
        req_accept_rules: on("req_accept_rules"),
        rules_text: get(&p, "rules_text"),
        counting_rule: get(&p, "counting_rule"),
        territorial_k: get(&p, "territorial_k"),
    };
    let (config, mut errors) = match VoteConfig::parse(&raw_config) {
        Ok(c) => (Some(c), FieldErrors::new()),
        Err(e) => (None, e),
    };
    // The source collect step must belong to this project.
    let source_step = match get(&p, "source_step") {
        "" => None,
        s => {
            let found = match s.parse::<i64>() {
                Ok(sid) => steps::by_id(&state.db, sid)
                    .await?
                    .filter(|c| c.project_id == step.project_id && c.step_type == StepType::Collect.as_str()),
                Err(_) => None,
            };
            if found.is_none() {
                errors.add("source_step", "error-choice-invalid");
            }
            found.map(|c| c.id)
        }
    };
    let settings = votes::settings(&state.db, id).await?;
    if settings.published() {
        errors.add("mode", "vote-settings-locked");
    }
    let Some(config) = config.filter(|_| errors.is_empty()) else {
        return page(&state, &ctx, &step, Failed { errors, values: p }).await;
    };
    votes::save_settings(&state.db, id, &config, source_step).await?;
    Ok(back(&state, id, "settings", "flash-saved"))
}

/// The manual selection of proposals on the ballot.
pub async fn candidates(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = vote_step(&state, id).await?;
    let p = pairs(&raw);
    let allowed: Vec<i64> = votes::selectable(&state.db, step.project_id)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    let mut ids = Vec::new();
    let mut errors = FieldErrors::new();
    for (k, v) in &p {
        if k == "proposal" {
            match v.parse::<i64>() {
                Ok(pid) if allowed.contains(&pid) => ids.push(pid),
                _ => errors.add("proposal", "error-choice-invalid"),
            }
        }
    }
    if !errors.is_empty() {
        return page(&state, &ctx, &step, Failed { errors, values: vec![] }).await;
    }
    votes::set_manual(&state.db, id, &ids).await?;
    Ok(back(&state, id, "candidates", "flash-saved"))
}

/// District envelopes: `amount-<district id>` (empty = none).
pub async fn envelopes(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = vote_step(&state, id).await?;
    let p = pairs(&raw);
    let mut errors = FieldErrors::new();
    let mut amounts = Vec::new();
    for d in crate::storage::taxonomy::list(&state.db, crate::storage::taxonomy::Kind::District).await? {
        let field = format!("amount-{}", d.id);
        if let Some(a) = errors.check(field.clone(), parse_optional_count(get(&p, &field))) {
            amounts.push((d.id, a));
        }
    }
    if !errors.is_empty() {
        return page(&state, &ctx, &step, Failed { errors, values: p }).await;
    }
    votes::set_envelopes(&state.db, id, &amounts).await?;
    Ok(back(&state, id, "envelopes", "flash-saved"))
}

pub async fn add_mediator(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = vote_step(&state, id).await?;
    let p = pairs(&raw);
    match name_mediator(&state, id, get(&p, "email")).await? {
        Ok(()) => Ok(back(&state, id, "mediators", "flash-saved")),
        Err(errors) => page(&state, &ctx, &step, Failed { errors, values: p }).await,
    }
}

/// Names the account with this email a mediator of a step (a vote or a
/// votation); the error is on the `email` field when there is none.
pub(super) async fn name_mediator(state: &AppState, step_id: i64, email: &str) -> AppResult<Result<(), FieldErrors>> {
    match users::by_email(&state.db, &email.trim().to_lowercase()).await? {
        Some(u) if u.deleted_at.is_none() => {
            votes::add_mediator(&state.db, step_id, u.id).await?;
            Ok(Ok(()))
        }
        _ => {
            let mut errors = FieldErrors::new();
            errors.add("email", "error-no-such-account");
            Ok(Err(errors))
        }
    }
}

pub async fn remove_mediator(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams((id, user)): PathParams<(i64, i64)>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    vote_step(&state, id).await?;
    votes::remove_mediator(&state.db, id, user).await?;
    Ok(back(&state, id, "mediators", "flash-saved"))
}

/// Counts the closed vote and publishes its results.
pub async fn publish(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = vote_step(&state, id).await?;
    let code = match vote_count::publish(&state.db, id).await {
        Ok(_) => {
            return Ok(redirect_with_flash(
                &state,
                &format!("/votes/{id}/results"),
                "results-published",
            ));
        }
        Err(PublishError::NotClosed) => "results-not-closed",
        Err(PublishError::AlreadyPublished) => "results-already-published",
        Err(PublishError::Count(_)) => "results-tallies-need-greedy",
        Err(PublishError::Other(e)) => return Err(AppError::internal(e)),
    };
    let mut errors = FieldErrors::new();
    errors.add("publish", code);
    page(&state, &ctx, &step, Failed { errors, values: vec![] }).await
}

/// Draws a jury among the step's online voters (complete ballots).
pub async fn draw_jury(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    let user = ctx.require(Action::DecideProposals)?.clone();
    let step = vote_step(&state, id).await?;
    let p = pairs(&raw);
    let mut errors = FieldErrors::new();
    let size = errors
        .check("jury_size", parse_optional_count(get(&p, "jury_size")))
        .flatten();
    let voters = jury_pool(&state, id).await?;
    match size {
        None if errors.is_empty() => errors.add("jury_size", "error-required"),
        Some(0) => errors.add("jury_size", "error-number-too-small"),
        Some(n) if n as usize > voters.len() => errors.add("jury_size", "jury-too-few-voters"),
        _ => {}
    }
    let (Some(size), true) = (size, errors.is_empty()) else {
        return page(&state, &ctx, &step, Failed { errors, values: p }).await;
    };
    let stratified = get(&p, "stratified") == "on";
    let seed = jury::new_seed_hex(rand::random());
    let members = jury::draw(&seed, &voters, size as usize, stratified);
    ballots::save_jury(&state.db, id, &seed, stratified, &members, user.id).await?;
    Ok(back(&state, id, "jury", "jury-drawn-flash"))
}

/// The pool a jury is drawn from, as published in the `.pb` file: the
/// pseudonyms of complete online ballots with their district name.
pub async fn jury_pool(state: &AppState, step_id: i64) -> AppResult<Vec<(String, Option<String>)>> {
    let districts = crate::storage::taxonomy::list(&state.db, crate::storage::taxonomy::Kind::District).await?;
    Ok(ballots::all(&state.db, step_id)
        .await?
        .into_iter()
        .filter(|b| b.complete && !b.paper)
        .map(|b| {
            let d = b
                .voter_district_id
                .and_then(|d| districts.iter().find(|t| t.id == d).map(|t| t.name.clone()));
            (b.pseudonym, d)
        })
        .collect())
}
