//! Back office: analysis of proposals by the services, decisions, statuses
//! and official answers.

use axum::extract::State;
use axum::response::{Html, Response};
use participe_domain::FieldErrors;
use participe_domain::analysis::{AnalysisInput, Outcome, RawAnalysis};
use participe_domain::permission::Action;
use participe_domain::step::parse_local_datetime;
use serde::Deserialize;

use crate::app::AppState;
use crate::services::decisions;
use crate::storage::proposals::{self, Proposal};
use crate::storage::users;
use crate::storage::{analyses, collect};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, PathParams, errors_value, redirect_with_flash};
use crate::web::render;

/// A published proposal the signed-in staff member may work on: analysts
/// only those assigned to them.
async fn workable(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<Proposal> {
    let user = ctx.require(Action::AnalyseProposals)?;
    let p = proposals::by_id(&state.db, id)
        .await?
        .filter(Proposal::is_published)
        .ok_or_else(AppError::not_found)?;
    if !ctx.can(Action::DecideProposals) {
        let assigned = analyses::get(&state.db, id).await?.and_then(|a| a.analyst_id);
        if assigned != Some(user.id) {
            return Err(AppError::forbidden());
        }
    }
    Ok(p)
}

/// The staff page of a proposal, with the errors of one of its forms.
async fn page(state: &AppState, ctx: &Ctx, p: &Proposal, errors: &FieldErrors) -> AppResult<Response> {
    let analysis = analyses::get(&state.db, p.id).await?;
    let answer = analyses::answer(&state.db, p.id).await?;
    let reasons = collect::reasons(&state.db).await?;
    let statuses = collect::statuses(&state.db, p.step_id).await?;
    let analysts = users::analysts(&state.db).await?;
    let siblings: Vec<Proposal> = proposals::all_published(&state.db, p.step_id)
        .await?
        .into_iter()
        .filter(|o| o.id != p.id && o.merged_into_id.is_none())
        .collect();
    let sibling_refs: Vec<Option<String>> = siblings.iter().map(Proposal::reference).collect();
    let html = render::page(
        state,
        ctx,
        "admin/proposal.html",
        view! {
            proposal => p,
            reference => p.reference(),
            analysis,
            answer,
            reasons,
            statuses,
            analysts,
            siblings,
            sibling_refs,
            can_decide => ctx.can(Action::DecideProposals),
            errors => errors_value(&state.i18n, ctx.lang, errors),
        },
    )
    .await?;
    Ok(crate::web::form::form_response(html, !errors.is_empty()))
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    let p = workable(&state, &ctx, id).await?;
    page(&state, &ctx, &p, &FieldErrors::new()).await
}

fn back(state: &AppState, id: i64) -> Response {
    redirect_with_flash(state, &format!("/admin/proposals/{id}"), "flash-saved")
}

/// The analysts' queue: proposals assigned to the signed-in person.
pub async fn my_queue(State(state): State<AppState>, ctx: Ctx) -> AppResult<Html<String>> {
    let user = ctx.require(Action::AnalyseProposals)?;
    let mut items = vec![];
    for id in analyses::assigned_to(&state.db, user.id).await? {
        if let Some(p) = proposals::by_id(&state.db, id).await? {
            let analysis = analyses::get(&state.db, id).await?;
            items.push(view! { reference => p.reference(), proposal => p, analysis });
        }
    }
    render::page(&state, &ctx, "admin/analysis_queue.html", view! { items }).await
}

/// The analyst chosen in a form: empty for none, else an account that may analyse.
pub(super) async fn analyst(state: &AppState, raw: &str) -> AppResult<Result<Option<i64>, &'static str>> {
    if raw.trim().is_empty() {
        return Ok(Ok(None));
    }
    let Ok(id) = raw.trim().parse::<i64>() else {
        return Ok(Err("error-choice-unknown"));
    };
    Ok(if users::analysts(&state.db).await?.iter().any(|u| u.id == id) {
        Ok(Some(id))
    } else {
        Err("error-choice-unknown")
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AssignForm {
    analyst: String,
}

pub async fn assign(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<AssignForm>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let p = workable(&state, &ctx, id).await?;
    match analyst(&state, &f.analyst).await? {
        Ok(a) => {
            analyses::assign(&state.db, &[id], a).await?;
            Ok(back(&state, id))
        }
        Err(code) => {
            let mut e = FieldErrors::new();
            e.add("analyst", code);
            page(&state, &ctx, &p, &e).await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AnalysisForm {
    admissibility: String,
    reason: String,
    reason_text: String,
    feasibility: String,
    cost_estimate: String,
    delay_months: String,
}

pub async fn analyse(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<AnalysisForm>,
) -> AppResult<Response> {
    let p = workable(&state, &ctx, id).await?;
    let raw = RawAnalysis {
        admissibility: &f.admissibility,
        reason: &f.reason,
        reason_text: &f.reason_text,
        feasibility: &f.feasibility,
        cost_estimate: &f.cost_estimate,
        delay_months: &f.delay_months,
    };
    let mut errors = FieldErrors::new();
    match AnalysisInput::parse(&raw) {
        Ok(a) => {
            if a.reason.is_some_and(|r| r < 0) {
                errors.add("reason", "error-choice-unknown");
            } else if let Some(r) = a.reason
                && !collect::reasons(&state.db).await?.iter().any(|x| x.id == r)
            {
                errors.add("reason", "error-choice-unknown");
            } else {
                analyses::save(&state.db, id, &a).await?;
                return Ok(back(&state, id));
            }
        }
        Err(e) => errors = e,
    }
    page(&state, &ctx, &p, &errors).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DecisionForm {
    outcome: String,
    merged_into: String,
}

pub async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<DecisionForm>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let p = workable(&state, &ctx, id).await?;
    let mut errors = FieldErrors::new();
    let outcome = errors.check("outcome", Outcome::parse(&f.outcome));
    let mut parent = None;
    if outcome == Some(Outcome::Merged) {
        match f.merged_into.trim().parse::<i64>().ok() {
            Some(pid) if pid != id => match proposals::by_id(&state.db, pid).await? {
                Some(target)
                    if target.step_id == p.step_id && target.is_published() && target.merged_into_id.is_none() =>
                {
                    parent = Some(pid)
                }
                _ => errors.add("merged_into", "error-merge-target"),
            },
            _ => errors.add("merged_into", "error-merge-target"),
        }
    }
    let Some(outcome) = outcome.filter(|_| errors.is_empty()) else {
        return page(&state, &ctx, &p, &errors).await;
    };
    proposals::decide(&state.db, id, outcome, parent).await?;
    Ok(back(&state, id))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatusForm {
    status: String,
}

pub async fn set_status(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<StatusForm>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let p = workable(&state, &ctx, id).await?;
    let status = match f.status.trim() {
        "" => Ok(None),
        s => s.parse::<i64>().map(Some),
    };
    let status = match status {
        Ok(s) if decisions::status_allowed(&state, p.step_id, s).await? => s,
        _ => {
            let mut e = FieldErrors::new();
            e.add("status", "error-choice-unknown");
            return page(&state, &ctx, &p, &e).await;
        }
    };
    let actor = ctx.user.as_ref().map(|u| u.id);
    decisions::set_status(&state, &p, status, actor)
        .await
        .map_err(AppError::internal)?;
    Ok(back(&state, id))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AnswerForm {
    body: String,
    publish_at: String,
}

pub async fn answer(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<AnswerForm>,
) -> AppResult<Response> {
    let user = ctx.require(Action::DecideProposals)?.clone();
    let p = workable(&state, &ctx, id).await?;
    let mut errors = FieldErrors::new();
    let body = errors.check(
        "body",
        participe_domain::text::long_text(&f.body, 20_000)
            .and_then(|b| if b.is_empty() { Err("error-required") } else { Ok(b) }),
    );
    let when = match errors.check("publish_at", parse_local_datetime(&f.publish_at)) {
        Some(Some(local)) => errors
            .check("publish_at", super::steps::to_utc(state.config.timezone, Some(local)))
            .flatten(),
        _ => None,
    };
    let Some(body) = body.filter(|_| errors.is_empty()) else {
        return page(&state, &ctx, &p, &errors).await;
    };
    decisions::save_answer(&state, id, &body, when, user.id)
        .await
        .map_err(AppError::internal)?;
    Ok(back(&state, id))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReasonForm {
    name: String,
}

pub async fn reasons(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    reasons_page(&state, &ctx, &FieldErrors::new(), "").await
}

async fn reasons_page(state: &AppState, ctx: &Ctx, errors: &FieldErrors, name: &str) -> AppResult<Response> {
    let reasons = collect::reasons(&state.db).await?;
    let html = render::page(
        state,
        ctx,
        "admin/reasons.html",
        view! { reasons, name, errors => errors_value(&state.i18n, ctx.lang, errors) },
    )
    .await?;
    Ok(crate::web::form::form_response(html, !errors.is_empty()))
}

pub async fn add_reason(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(f): HtmlForm<ReasonForm>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let mut errors = FieldErrors::new();
    if let Some(name) = errors.check("name", participe_domain::text::title(&f.name)) {
        match collect::add_reason(&state.db, &name).await {
            Ok(_) => return Ok(redirect_with_flash(&state, "/admin/reasons", "flash-saved")),
            Err(crate::storage::StoreError::Conflict(_)) => errors.add("name", "error-name-taken"),
            Err(e) => return Err(e.into()),
        }
    }
    reasons_page(&state, &ctx, &errors, &f.name).await
}

pub async fn delete_reason(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    collect::delete_reason(&state.db, id).await?;
    Ok(redirect_with_flash(&state, "/admin/reasons", "flash-deleted"))
}
