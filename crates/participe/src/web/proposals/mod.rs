//! Proposals on the public site: deposit and edit, the proposal page,
//! lists, comments, following, reports and contacting the author.

pub mod comments;
pub mod contact;
pub mod deposit;
pub mod list;
pub mod show;
pub mod support;

use participe_domain::form::Question;
use participe_domain::permission::Action;
use participe_domain::step::{StepState, StepType, state_at};

use super::context::Ctx;
use super::error::{AppError, AppResult};
use crate::app::AppState;
use crate::storage::collect::{self, Collect, Named};
use crate::storage::forms;
use crate::storage::petitions;
use crate::storage::projects::{self, Project};
use crate::storage::proposals::{self, Proposal};
use crate::storage::steps::{self, Step};
use crate::storage::taxonomy::{self, Kind, Term};
use participe_domain::petition::PetitionSettings;

/// A collect step with everything its form and lists need.
pub struct CollectStep {
    pub project: Project,
    pub step: Step,
    pub collect: Collect,
    pub questions: Vec<Question>,
    pub districts: Vec<Term>,
    pub themes: Vec<Term>,
    pub categories: Vec<Named>,
    /// Support mode (petitions): the threshold and delays.
    pub petition: Option<PetitionSettings>,
}

impl CollectStep {
    pub fn state(&self) -> StepState {
        state_at(chrono::Utc::now(), self.step.starts_at, self.step.ends_at)
    }
}

/// Step types whose page lists proposals.
pub fn lists_proposals(step_type: &str) -> bool {
    matches!(
        StepType::parse(step_type),
        Ok(StepType::Collect | StepType::Analysis | StepType::Vote | StepType::Results | StepType::FollowUp)
    )
}

/// The collect step `step_id`, seen from a project this viewer may see.
pub async fn collect_step(state: &AppState, ctx: &Ctx, project: Project, step_id: i64) -> AppResult<CollectStep> {
    let step = steps::by_id(&state.db, step_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let staff = ctx.can(Action::ManageProjects);
    if step.project_id != project.id || !(step.published || staff) || step.step_type != StepType::Collect.as_str() {
        return Err(AppError::not_found());
    }
    load(state, project, step).await
}

async fn load(state: &AppState, project: Project, step: Step) -> AppResult<CollectStep> {
    let collect = collect::get_or_create(&state.db, step.id).await?;
    let questions = forms::questions(&state.db, collect.settings.form_id).await?;
    let districts = taxonomy::list(&state.db, Kind::District).await?;
    let themes = taxonomy::list(&state.db, Kind::Theme).await?;
    let categories = collect::categories(&state.db, step.id).await?;
    let petition = petitions::settings(&state.db, step.id).await?;
    Ok(CollectStep {
        project,
        step,
        collect,
        questions,
        districts,
        themes,
        categories,
        petition,
    })
}

/// A proposal and its step, if this viewer may see it: published and
/// withdrawn proposals of visible projects for everyone, drafts for their
/// author and the staff who decide.
pub async fn visible_proposal(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<(Proposal, CollectStep)> {
    let proposal = proposals::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    let step = steps::by_id(&state.db, proposal.step_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let project = projects::by_id(&state.db, step.project_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let project = super::projects::check_visible(ctx, project)?;
    let is_author = ctx.user.as_ref().is_some_and(|u| u.id == proposal.author_id);
    let staff = ctx.can(Action::DecideProposals) || ctx.can(Action::AnalyseProposals) || ctx.can(Action::Moderate);
    if proposal.state == "draft" && !is_author && !ctx.can(Action::DecideProposals) {
        return Err(AppError::not_found());
    }
    if !step.published && !staff {
        return Err(AppError::not_found());
    }
    let collect = load(state, project, step).await?;
    Ok((proposal, collect))
}

/// Whether the signed-in user may still edit or withdraw this proposal:
/// its author, while the step is open and it is neither withdrawn nor hidden.
pub fn author_may_change(ctx: &Ctx, p: &Proposal, step: &CollectStep) -> bool {
    ctx.user.as_ref().is_some_and(|u| u.id == p.author_id)
        && step.state() == StepState::Open
        && p.state != "withdrawn"
        && p.hidden_reason.is_none()
}
