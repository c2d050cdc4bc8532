//! The ballot: who may vote (requirements asked for in the flow), casting
//! and changing a ballot until the step closes, and the receipt.

use axum::extract::{RawForm, RawQuery, State};
use axum::response::{Html, Response};
use chrono::Utc;
use minijinja::Value;
use participe_domain::FieldErrors;
use participe_domain::proposal::parse_birth_date;
use participe_domain::step::StepState;
use participe_domain::vote::{BallotProblem, Missing, VoteMode, age_band};
use participe_domain::vote_config::parse_postal_code;

use super::{VoteStep, ballot_form, district_query, vote_step};
use crate::app::AppState;
use crate::services::ballot_writer::Pending;
use crate::services::voter_checks;
use crate::storage::ballots;
use crate::storage::{users, votes};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::form::{PathParams, errors_value, form_response, no_errors, pairs, redirect_with_flash, value};
use crate::web::limits::{self, Limited};
use crate::web::render;
use crate::web::voter_checks::{Given, missing_id};

/// What the vote flow still needs from this voter, as message ids.
async fn missing(state: &AppState, vs: &VoteStep, ctx: &Ctx) -> AppResult<Vec<Missing>> {
    Ok(voter_check(state, vs, ctx).await?.0)
}

/// What the voter still has to provide, and their date of birth (for the
/// ballot's age band).
async fn voter_check(
    state: &AppState,
    vs: &VoteStep,
    ctx: &Ctx,
) -> AppResult<(Vec<Missing>, Option<chrono::NaiveDate>)> {
    let Some(user) = &ctx.user else {
        return Ok((vec![], None));
    };
    let today = Utc::now().date_naive();
    Ok(voter_checks::missing(&state.db, user, vs.step.id, &vs.settings.requirements(), today).await?)
}

/// Everything the ballot page shows, with the choices to pre-fill.
struct PageInput {
    envelope: Option<i64>,
    chosen: Vec<i64>,
    errors: FieldErrors,
    req_errors: FieldErrors,
    voter_district: Option<i64>,
}

async fn page(state: &AppState, ctx: &Ctx, vs: &VoteStep, input: PageInput) -> AppResult<Response> {
    let failed = !input.errors.is_empty() || !input.req_errors.is_empty();
    let missing = missing(state, vs, ctx).await?;
    let missing_ids: Vec<&str> = missing.iter().map(|m| missing_id(*m)).collect();
    let blocking = missing.iter().any(|m| {
        matches!(
            m,
            Missing::ConfirmedEmail | Missing::VerifiedIdentity | Missing::TooYoung | Missing::PostalCodeOutside
        )
    });
    let identity_providers = if missing.contains(&Missing::VerifiedIdentity) {
        crate::web::accounts::sso::identity_providers(state).await?
    } else {
        vec![]
    };
    let my_ballots = match &ctx.user {
        Some(u) => ballots::of_voter(&state.db, vs.step.id, u.id).await?,
        None => vec![],
    };
    let envelope = input.envelope;
    let mut chosen = input.chosen;
    let mut voter_district = input.voter_district;
    if chosen.is_empty()
        && let Some(b) = my_ballots.iter().find(|b| Some(b.envelope) == envelope)
        && input.errors.is_empty()
    {
        chosen = ballots::choices(&state.db, b.id).await?;
    }
    if voter_district.is_none() && envelope.is_some_and(|e| e > 0) {
        voter_district = envelope;
    }
    let spent: i64 = chosen
        .iter()
        .filter_map(|id| vs.candidates.iter().find(|c| c.id == *id))
        .filter_map(|c| c.cost)
        .sum();
    let counts = if vs.settings.counts_public && !vs.settings.published() {
        Some(ballots::live_counts(&state.db, vs.step.id).await?)
    } else {
        None
    };
    let counts: Option<std::collections::BTreeMap<String, i64>> =
        counts.map(|m| m.into_iter().map(|(k, v)| (k.to_string(), v)).collect());
    let html = render::page(
        state,
        ctx,
        "votes/ballot.html",
        view! {
            project => vs.project, step => vs.step, settings => vs.settings,
            state => vs.state().as_str(),
            requirements => vs.settings.requirements().postal_codes.len(),
            missing => missing_ids,
            blocking,
            identity_providers,
            needs_id_code => missing.contains(&Missing::IdCode),
            needs_birth_date => missing.contains(&Missing::BirthDate),
            needs_postal_code => missing.contains(&Missing::PostalCode),
            needs_phone => missing.contains(&Missing::Phone),
            needs_rules => missing.contains(&Missing::RulesAcceptance),
            envelopes => vs.envelopes,
            envelope,
            districts => vs.districts,
            voter_district,
            counts,
            spent,
            my_ballots,
            errors => if input.errors.is_empty() { no_errors() } else { errors_value(&state.i18n, ctx.lang, &input.errors) },
            req_errors => if input.req_errors.is_empty() { no_errors() } else { errors_value(&state.i18n, ctx.lang, &input.req_errors) },
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
    let vs = vote_step(&state, &ctx, id).await?;
    let envelope = vs.envelope(district_query(&query));
    page(
        &state,
        &ctx,
        &vs,
        PageInput {
            envelope,
            chosen: vec![],
            errors: FieldErrors::new(),
            req_errors: FieldErrors::new(),
            voter_district: None,
        },
    )
    .await
}

/// Records what the flow asked for: date of birth, postal code, phone
/// number, acceptance of the rules.
pub async fn requirements(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    let user = ctx.user()?.clone();
    let vs = vote_step(&state, &ctx, id).await?;
    let p = pairs(&raw);
    let missing = missing(&state, &vs, &ctx).await?;
    let mut errors = FieldErrors::new();
    let today = Utc::now().date_naive();
    let birth = if missing.contains(&Missing::BirthDate) {
        errors.check("birth_date", parse_birth_date(value(&p, "birth_date"), today))
    } else {
        None
    };
    let postal = if missing.contains(&Missing::PostalCode) {
        errors.check("postal_code", parse_postal_code(value(&p, "postal_code")))
    } else {
        None
    };
    let accept = missing.contains(&Missing::RulesAcceptance);
    if accept && value(&p, "accept_rules") != "on" {
        errors.add("accept_rules", "error-accept-rules");
    }
    let given = Given {
        id_code: value(&p, "id_code"),
        phone: value(&p, "phone"),
    };
    crate::web::voter_checks::take(&state, &ctx, vs.step.id, &missing, given, &mut errors).await?;
    if !errors.is_empty() {
        let envelope = vs.envelope(value(&p, "district").parse().ok());
        return page(
            &state,
            &ctx,
            &vs,
            PageInput {
                envelope,
                chosen: vec![],
                errors: FieldErrors::new(),
                req_errors: errors,
                voter_district: None,
            },
        )
        .await;
    }
    if let Some(b) = birth {
        users::set_birth_date(&state.db, user.id, b).await?;
    }
    if let Some(pc) = postal {
        votes::set_postal_code(&state.db, user.id, &pc).await?;
    }
    if accept {
        votes::accept_rules(&state.db, vs.step.id, user.id).await?;
    }
    Ok(redirect_with_flash(&state, &format!("/votes/{id}"), "flash-saved"))
}

/// Casts or changes a ballot.
pub async fn cast(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    let user = ctx.user()?.clone();
    let vs = vote_step(&state, &ctx, id).await?;
    let p = pairs(&raw);
    let envelope = vs.envelope(value(&p, "district").parse().ok());
    let mut errors = FieldErrors::new();
    let (missing, birth) = voter_check(&state, &vs, &ctx).await?;
    if vs.state() != StepState::Open {
        errors.add("ballot", "vote-not-open");
    } else if !missing.is_empty() {
        errors.add("ballot", "vote-requirements-first");
    }
    let voter_district: Option<i64> = match value(&p, "voter_district") {
        "" => None,
        d => errors.check(
            "voter_district",
            d.parse::<i64>()
                .ok()
                .filter(|d| vs.districts.iter().any(|t| t.id == *d))
                .ok_or("error-choice-invalid"),
        ),
    };
    let Some(envelope) = envelope else {
        errors.add("district", "vote-choose-district");
        return fail(&state, &ctx, &vs, None, vec![], errors).await;
    };
    let checked = if errors.is_empty() {
        errors.check("ballot", vs.check(envelope, &p))
    } else {
        None
    };
    let Some((choices, problem)) = checked else {
        let chosen =
            participe_domain::vote_config::parse_choices(matches!(vs.mode(envelope), VoteMode::Ranking { .. }), &p)
                .unwrap_or_default();
        return fail(&state, &ctx, &vs, Some(envelope), chosen, errors).await;
    };
    limits::check(&state, &ctx, Limited::Vote(user.id)).await?;
    let band = birth.map(|b| age_band(b, Utc::now().date_naive()));
    state
        .ballots
        .cast(
            &state.db,
            Pending {
                step_id: vs.step.id,
                envelope,
                voter_id: Some(user.id),
                choices,
                complete: problem.is_none(),
                voter_district_id: if envelope > 0 { Some(envelope) } else { voter_district },
                voter_age_band: band.map(str::to_string),
                entered_by: None,
            },
        )
        .await?;
    let flash = match problem {
        None => "vote-recorded",
        Some(BallotProblem::UnderMinimumSpend) => "vote-saved-under-minimum",
        Some(_) => "vote-saved-too-few",
    };
    let mut res = redirect_with_flash(&state, &format!("/votes/{id}/receipt"), flash);
    // A ballot changes no public page but the counters, a second old anyway.
    res.extensions_mut().insert(crate::web::page_cache::KeepPages);
    Ok(res)
}

async fn fail(
    state: &AppState,
    ctx: &Ctx,
    vs: &VoteStep,
    envelope: Option<i64>,
    chosen: Vec<i64>,
    errors: FieldErrors,
) -> AppResult<Response> {
    page(
        state,
        ctx,
        vs,
        PageInput {
            envelope,
            chosen,
            errors,
            req_errors: FieldErrors::new(),
            voter_district: None,
        },
    )
    .await
}

/// The voter's receipt: ballot code, time, choices; printable.
pub async fn receipt(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Html<String>> {
    let user = ctx.user()?.clone();
    let vs = vote_step(&state, &ctx, id).await?;
    let mut list = Vec::new();
    for b in ballots::of_voter(&state.db, vs.step.id, user.id).await? {
        let ids = ballots::choices(&state.db, b.id).await?;
        let chosen: Vec<Value> = ids
            .iter()
            .enumerate()
            .filter_map(|(i, id)| {
                vs.candidates
                    .iter()
                    .find(|c| c.id == *id)
                    .map(|c| view! { rank => i + 1, c => c })
            })
            .collect();
        let district = vs
            .envelopes
            .iter()
            .find(|e| e.district_id == b.envelope)
            .map(|e| e.name.clone());
        list.push(view! { b => b, chosen, district });
    }
    render::page(
        &state,
        &ctx,
        "votes/receipt.html",
        view! { project => vs.project, step => vs.step, settings => vs.settings, ballots => list,
        open => vs.state() == StepState::Open },
    )
    .await
}
