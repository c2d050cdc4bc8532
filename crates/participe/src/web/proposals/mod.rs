//! Proposals on the public site: deposit and edit, the proposal page,
//! lists, comments, following, reports and contacting the author.

pub mod comments;
pub mod contact;
pub mod deposit;
pub mod list;
pub mod show;
pub mod support;

use std::sync::Arc;

use participe_domain::permission::Action;
use participe_domain::step::{StepState, StepType};

use super::context::Ctx;
use super::error::{AppError, AppResult};
use crate::app::AppState;
use crate::storage::projects::Project;
use crate::storage::proposals::{self, Proposal};

pub use crate::services::collect_steps::CollectStep;

/// Step types whose page lists proposals.
pub fn lists_proposals(step_type: &str) -> bool {
    matches!(
        StepType::parse(step_type),
        Ok(StepType::Collect | StepType::Analysis | StepType::Vote | StepType::Results | StepType::FollowUp)
    )
}

/// The collect step `step_id` of `project`, a project this viewer may see.
pub async fn collect_step(state: &AppState, ctx: &Ctx, project: &Project, step_id: i64) -> AppResult<Arc<CollectStep>> {
    let cs = state
        .collect_steps
        .get(&state.db, step_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let step = &cs.step;
    let staff = ctx.can(Action::ManageProjects);
    if step.project_id != project.id || !(step.published || staff) || step.step_type != StepType::Collect.as_str() {
        return Err(AppError::not_found());
    }
    translated(state, ctx, cs).await
}

/// The collect step in the reader's language.
async fn translated(state: &AppState, ctx: &Ctx, cs: Arc<CollectStep>) -> AppResult<Arc<CollectStep>> {
    let tr = state.translations.get(&state.db, ctx.lang).await?;
    Ok(if tr.is_french() {
        cs
    } else {
        Arc::new(cs.translated(&tr))
    })
}

/// A proposal and its step, if this viewer may see it: published and
/// withdrawn proposals of visible projects for everyone, drafts for their
/// author and the staff who decide.
pub async fn visible_proposal(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<(Proposal, Arc<CollectStep>)> {
    let proposal = proposals::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    let cs = state
        .collect_steps
        .get(&state.db, proposal.step_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    super::projects::check_visible(ctx, cs.project.clone())?;
    let is_author = ctx.user.as_ref().is_some_and(|u| u.id == proposal.author_id);
    let staff = ctx.can(Action::DecideProposals) || ctx.can(Action::AnalyseProposals) || ctx.can(Action::Moderate);
    if proposal.state == "draft" && !is_author && !ctx.can(Action::DecideProposals) {
        return Err(AppError::not_found());
    }
    if !cs.step.published && !staff {
        return Err(AppError::not_found());
    }
    Ok((proposal, translated(state, ctx, cs).await?))
}

/// Whether the signed-in user may still edit or withdraw this proposal:
/// its author, while the step is open and it is neither withdrawn nor hidden.
pub fn author_may_change(ctx: &Ctx, p: &Proposal, step: &CollectStep) -> bool {
    ctx.user.as_ref().is_some_and(|u| u.id == p.author_id)
        && step.state() == StepState::Open
        && p.state != "withdrawn"
        && p.hidden_reason.is_none()
}
