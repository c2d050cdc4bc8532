//! Vote steps on the public site: the ballot and its requirements, the
//! receipt, paper ballots entered by mediators, results, the `.pb` file and
//! the live counter.

pub mod ballot;
pub mod live;
pub mod paper;
pub mod results;

use participe_domain::permission::Action;
use participe_domain::step::{StepState, StepType, state_at};
use participe_domain::vote::{BallotProblem, Candidate as DomainCandidate, VoteMode, check_ballot};
use participe_domain::vote_config::parse_choices;

use super::context::Ctx;
use super::error::{AppError, AppResult};
use super::projects::check_visible;
use crate::app::AppState;
use crate::storage::projects::{self, Project};
use crate::storage::steps::{self, Step};
use crate::storage::taxonomy::{self, Kind, Term};
use crate::storage::votes::{self, Candidate, Envelope, VoteSettings};

/// A vote step with what its pages need.
pub struct VoteStep {
    pub project: Project,
    pub step: Step,
    pub settings: VoteSettings,
    pub candidates: Vec<Candidate>,
    pub envelopes: Vec<Envelope>,
    pub districts: Vec<Term>,
}

impl VoteStep {
    pub fn state(&self) -> StepState {
        state_at(chrono::Utc::now(), self.step.starts_at, self.step.ends_at)
    }

    /// The envelope a ballot goes in: a district's (checked to exist) or 0.
    pub fn envelope(&self, district: Option<i64>) -> Option<i64> {
        if !self.settings.per_district {
            return Some(0);
        }
        district.filter(|d| self.envelopes.iter().any(|e| e.district_id == *d))
    }

    /// The candidates of an envelope (a district's proposals, or all).
    pub fn candidates_of(&self, envelope: i64) -> Vec<&Candidate> {
        self.candidates
            .iter()
            .filter(|c| envelope == 0 || c.district_id == Some(envelope))
            .collect()
    }

    /// The vote mode of an envelope.
    pub fn mode(&self, envelope: i64) -> VoteMode {
        let amount = self
            .envelopes
            .iter()
            .find(|e| e.district_id == envelope)
            .map(|e| e.amount);
        self.settings.mode(if envelope == 0 { None } else { amount })
    }

    /// Checks a submitted ballot form for an envelope: the choices, or the
    /// problem (a message id). Incomplete ballots come back as
    /// `Ok((choices, Some(problem)))`: stored, not counted.
    pub fn check(
        &self,
        envelope: i64,
        pairs: &[(String, String)],
    ) -> Result<(Vec<i64>, Option<BallotProblem>), &'static str> {
        let mode = self.mode(envelope);
        let choices = parse_choices(matches!(mode, VoteMode::Ranking { .. }), pairs)?;
        let ballot: Vec<DomainCandidate> = self
            .candidates_of(envelope)
            .iter()
            .map(|c| DomainCandidate {
                id: c.id,
                cost: c.cost.unwrap_or(0),
            })
            .collect();
        match check_ballot(&mode, &ballot, &choices) {
            Ok(()) => Ok((choices, None)),
            Err(p) if p.is_incomplete() && !choices.is_empty() => Ok((choices, Some(p))),
            Err(p) => Err(p.message_id()),
        }
    }
}

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

/// The vote step `id` if this viewer may see it.
pub async fn vote_step(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<VoteStep> {
    let step = steps::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    if step.step_type != StepType::Vote.as_str() || !(step.published || ctx.can(Action::ManageProjects)) {
        return Err(AppError::not_found());
    }
    let project = projects::by_id(&state.db, step.project_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let project = check_visible(ctx, project)?;
    load(state, project, step).await
}

/// Loads a vote step's settings, candidates and envelopes (no visibility check).
pub async fn load(state: &AppState, project: Project, step: Step) -> AppResult<VoteStep> {
    let settings = votes::settings(&state.db, step.id).await?;
    let candidates = votes::candidates(&state.db, &settings).await?;
    let envelopes = votes::envelopes(&state.db, step.id).await?;
    let districts = taxonomy::list(&state.db, Kind::District).await?;
    Ok(VoteStep {
        project,
        step,
        settings,
        candidates,
        envelopes,
        districts,
    })
}

/// Whether this user may enter paper ballots for the step.
pub async fn may_enter_paper(state: &AppState, ctx: &Ctx, step_id: i64) -> AppResult<bool> {
    let Some(user) = &ctx.user else { return Ok(false) };
    Ok(ctx.can(Action::DecideProposals) || votes::is_mediator(&state.db, step_id, user.id).await?)
}
