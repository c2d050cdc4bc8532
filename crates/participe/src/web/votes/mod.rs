//! Vote steps on the public site: the ballot and its requirements, the
//! receipt, paper ballots entered by mediators, results, the `.pb` file and
//! the live counter.

pub mod ballot;
pub mod live;
pub mod paper;
pub mod results;

use std::sync::Arc;

use participe_domain::permission::Action;
use participe_domain::vote::VoteMode;

use super::context::Ctx;
use super::error::{AppError, AppResult};
use super::projects::check_visible;
use crate::app::AppState;
pub use crate::services::vote_steps::VoteStep;
use crate::storage::votes;

/// What a ballot form shows (voter's or mediator's): the candidates of an
/// envelope with their current choice or rank, the ranks offered, and the
/// mode's limits, as template values.
pub fn ballot_form(vs: &VoteStep, envelope: Option<i64>, chosen: &[i64]) -> minijinja::Value {
    let mode = envelope.map(|e| vs.mode(e));
    let (max, envelope_amount, min_spend) = match &mode {
        Some(VoteMode::Ranking { max }) => (Some(i64::from(*max)), None, None),
        Some(VoteMode::Simple { max, .. }) => (max.map(i64::from), None, None),
        Some(VoteMode::Budget { envelope, min_spend }) => (None, Some(*envelope), *min_spend),
        None => (None, None, None),
    };
    let candidates: Vec<minijinja::Value> = envelope
        .map(|e| vs.candidates_of(e))
        .unwrap_or_default()
        .into_iter()
        .map(|c| {
            let rank = chosen.iter().position(|id| *id == c.id).map(|i| i + 1);
            crate::view! { c => c, id => c.id, chosen => rank.is_some(), rank }
        })
        .collect();
    let rank_options: Vec<i64> = (1..=max.unwrap_or(0).min(50)).collect();
    crate::view! { candidates, rank_options, max, envelope_amount, min_spend }
}

/// The district chosen in a query string (`?district=ID`).
pub fn district_query(query: &Option<String>) -> Option<i64> {
    url::form_urlencoded::parse(query.as_deref().unwrap_or("").as_bytes())
        .find(|(k, _)| k == "district")
        .and_then(|(_, v)| v.parse().ok())
}

/// The vote step `id` if this viewer may see it (kept at most a second,
/// `services::vote_steps`).
pub async fn vote_step(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<Arc<VoteStep>> {
    let vs = state
        .vote_steps
        .get(&state.db, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    if !(vs.step.published || ctx.can(Action::ManageProjects)) {
        return Err(AppError::not_found());
    }
    check_visible(ctx, vs.project.clone())?;
    Ok(vs)
}

/// Whether this user may enter paper ballots for the step.
pub async fn may_enter_paper(state: &AppState, ctx: &Ctx, step_id: i64) -> AppResult<bool> {
    let Some(user) = &ctx.user else { return Ok(false) };
    Ok(ctx.can(Action::DecideProposals) || votes::is_mediator(&state.db, step_id, user.id).await?)
}
