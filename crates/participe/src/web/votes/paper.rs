//! Paper ballots, entered by the step's mediators (or managers): one by
//! one, checked against the same rules as online ballots and tagged with
//! who entered them; or, for simple votes, tallies per proposal. Allowed
//! until the results are published.

use axum::extract::{RawForm, RawQuery, State};
use axum::response::Response;
use participe_domain::FieldErrors;
use participe_domain::form::parse_optional_count;
use participe_domain::id_codes as id_codes_rules;
use participe_domain::vote::VoteMode;

use super::{VoteStep, ballot_form, district_query, may_enter_paper, vote_step};
use crate::app::AppState;
use crate::storage::ballots::{self, NewBallot};
use crate::storage::id_codes;
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{PathParams, errors_value, form_response, no_errors, pairs, redirect_with_flash, value};
use crate::web::render;

/// The step, if this user may enter its paper ballots.
async fn mediated_step(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<std::sync::Arc<VoteStep>> {
    ctx.user()?;
    let vs = vote_step(state, ctx, id).await?;
    if !may_enter_paper(state, ctx, id).await? {
        return Err(AppError::forbidden());
    }
    Ok(vs)
}

/// Tallies per proposal, instead of ballots one by one: for simple votes
/// whose rule needs no ballots, and whose ballots carry no code to check.
fn tallies_allowed(vs: &VoteStep) -> bool {
    vs.settings.mode == "simple" && !vs.settings.rule().needs_ballots() && !vs.settings.req_id_code
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    vs: &VoteStep,
    envelope: Option<i64>,
    chosen: Vec<i64>,
    errors: FieldErrors,
    id_code: &str,
) -> AppResult<Response> {
    let failed = !errors.is_empty();
    let tallies: std::collections::BTreeMap<String, i64> = ballots::tallies(&state.db, vs.step.id)
        .await?
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    let html = render::page(
        state,
        ctx,
        "votes/paper.html",
        view! {
            project => vs.project, step => vs.step, settings => vs.settings,
            envelopes => vs.envelopes, envelope,
            all_candidates => vs.candidates,
            recent => ballots::paper_ballots(&state.db, vs.step.id, 50).await?,
            part => ballots::participation(&state.db, vs.step.id).await?,
            tallies, tally_voters => ballots::tally_voters(&state.db, vs.step.id).await?,
            tallies_allowed => tallies_allowed(vs),
            closed_for_paper => vs.settings.published(),
            id_code,
            errors => if failed { errors_value(&state.i18n, ctx.lang, &errors) } else { no_errors() },
            ..ballot_form(vs, envelope, &chosen)
        },
    )
    .await?;
    Ok(form_response(html, failed))
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let vs = mediated_step(&state, &ctx, id).await?;
    let envelope = vs.envelope(district_query(&query));
    page(&state, &ctx, &vs, envelope, vec![], FieldErrors::new(), "").await
}

/// Enters one paper ballot.
pub async fn enter(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    let vs = mediated_step(&state, &ctx, id).await?;
    let user = ctx.user()?.clone();
    let p = pairs(&raw);
    let envelope = vs.envelope(value(&p, "district").parse().ok());
    let mut errors = FieldErrors::new();
    if vs.settings.published() {
        errors.add("ballot", "paper-after-results");
    }
    let typed_code = value(&p, "id_code");
    let Some(envelope) = envelope else {
        errors.add("district", "vote-choose-district");
        return page(&state, &ctx, &vs, None, vec![], errors, typed_code).await;
    };
    let code = if vs.settings.req_id_code {
        errors.check("id_code", id_codes_rules::normalise(typed_code))
    } else {
        None
    };
    let checked = if errors.is_empty() {
        errors.check("ballot", vs.check(envelope, &p))
    } else {
        None
    };
    // The ballot's code is used once it is otherwise valid: unknown or
    // already used (online or on another paper ballot), the ballot is refused.
    if let (Some(code), Some(_)) = (&code, &checked)
        && !id_codes::use_on_paper(&state.db, vs.step.id, code, user.id).await?
    {
        errors.add("id_code", "error-id-code-unknown");
    }
    let checked = checked.filter(|_| errors.is_empty());
    let Some((choices, problem)) = checked else {
        let ranking = matches!(vs.mode(envelope), VoteMode::Ranking { .. });
        let chosen = participe_domain::vote_config::parse_choices(ranking, &p).unwrap_or_default();
        return page(&state, &ctx, &vs, Some(envelope), chosen, errors, typed_code).await;
    };
    let cast = ballots::cast(
        &state.db,
        &NewBallot {
            step_id: vs.step.id,
            envelope,
            voter_id: None,
            choices: &choices,
            complete: problem.is_none(),
            voter_district_id: (envelope > 0).then_some(envelope),
            voter_age_band: None,
            entered_by: Some(user.id),
        },
    )
    .await;
    match (cast, &code) {
        (Ok(ballot), Some(code)) => id_codes::attach_ballot(&state.db, vs.step.id, code, ballot.id).await?,
        (Ok(_), None) => {}
        (Err(e), code) => {
            if let Some(code) = code {
                id_codes::release(&state.db, vs.step.id, code).await?;
            }
            return Err(e.into());
        }
    }
    let flash = if problem.is_some() {
        "paper-saved-incomplete"
    } else {
        "paper-saved"
    };
    let back = if envelope > 0 {
        format!("/votes/{id}/paper?district={envelope}")
    } else {
        format!("/votes/{id}/paper")
    };
    Ok(redirect_with_flash(&state, &back, flash))
}

/// Deletes a paper ballot entered by mistake.
pub async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams((id, ballot)): PathParams<(i64, i64)>,
) -> AppResult<Response> {
    let vs = mediated_step(&state, &ctx, id).await?;
    if vs.settings.published() {
        return Err(AppError::forbidden());
    }
    if !ballots::delete_paper(&state.db, id, ballot).await? {
        return Err(AppError::not_found());
    }
    Ok(redirect_with_flash(
        &state,
        &format!("/votes/{id}/paper"),
        "paper-deleted",
    ))
}

/// Replaces the hand-counted tallies (simple votes counted by votes).
pub async fn tallies(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    let vs = mediated_step(&state, &ctx, id).await?;
    let user = ctx.user()?.clone();
    let p = pairs(&raw);
    let mut errors = FieldErrors::new();
    if !tallies_allowed(&vs) {
        errors.add("tallies", "paper-tallies-not-allowed");
    }
    if vs.settings.published() {
        errors.add("tallies", "paper-after-results");
    }
    let voters = errors
        .check("tally_voters", parse_optional_count(value(&p, "tally_voters")))
        .flatten()
        .unwrap_or(0);
    let mut rows = Vec::new();
    for c in &vs.candidates {
        let field = format!("tally-{}", c.id);
        if let Some(Some(n)) = errors.check(field.clone(), parse_optional_count(value(&p, &field))) {
            if n > voters {
                errors.add(field, "paper-tally-above-voters");
            } else {
                rows.push((c.id, n));
            }
        }
    }
    if !errors.is_empty() {
        let envelope = vs.envelope(None);
        return page(&state, &ctx, &vs, envelope, vec![], errors, "").await;
    }
    ballots::set_tallies(&state.db, id, &rows, voters, user.id).await?;
    Ok(redirect_with_flash(
        &state,
        &format!("/votes/{id}/paper"),
        "flash-saved",
    ))
}
