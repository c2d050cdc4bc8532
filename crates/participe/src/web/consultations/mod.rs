//! Consultations on a text, for participants: the sections of a step, a
//! section's contributions, a contribution with its votes, arguments,
//! sources and amendments (pages.rs), and what participants do there
//! (actions.rs).

pub mod actions;
pub mod pages;
pub mod synthesis;

use chrono::Utc;
use participe_domain::permission::Action;
use participe_domain::step::{StepState, StepType, state_at};

use super::context::Ctx;
use super::error::{AppError, AppResult};
use crate::app::AppState;
use crate::storage::consultations::{self, Consultation, Section};
use crate::storage::opinions::{self, Opinion};
use crate::storage::projects::{self, Project};
use crate::storage::steps::{self, Step};

/// Where a section lives, checked visible to the viewer.
pub struct Place {
    pub project: Project,
    pub step: Step,
    pub consultation: Consultation,
    pub section: Section,
}

impl Place {
    /// Participation is possible while the step is open.
    pub fn open(&self) -> bool {
        state_at(Utc::now(), self.step.starts_at, self.step.ends_at) == StepState::Open
    }

    /// New content waits for a moderator when the consultation says so.
    pub fn published_at_once(&self) -> bool {
        !self.consultation.pre_moderation
    }
}

/// The section `id` and what holds it, if the viewer may see them.
pub async fn place(state: &AppState, ctx: &Ctx, section_id: i64) -> AppResult<Place> {
    let section = consultations::section(&state.db, section_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let consultation = consultations::by_id(&state.db, section.consultation_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let step = steps::by_id(&state.db, consultation.step_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let project = projects::by_id(&state.db, step.project_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let project = super::projects::check_visible(ctx, project)?;
    if step.step_type != StepType::Consultation.as_str() || !(step.published || ctx.can(Action::ManageProjects)) {
        return Err(AppError::not_found());
    }
    Ok(Place {
        project,
        step,
        consultation,
        section,
    })
}

/// The opinion `id` and its place. Content waiting for moderation is seen
/// only by its author and staff; hidden content keeps its page (with the
/// moderators' reason) so that links do not break.
pub async fn opinion_place(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<(Opinion, Place)> {
    let opinion = opinions::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    let place = place(state, ctx, opinion.section_id).await?;
    let mine = ctx.user.as_ref().is_some_and(|u| Some(u.id) == opinion.author_id);
    if !opinion.published && !mine && !ctx.can(Action::Moderate) && !ctx.can(Action::ManageProjects) {
        return Err(AppError::not_found());
    }
    Ok((opinion, place))
}

/// The opinion may receive votes, arguments, sources and amendments: the
/// step is open and the opinion public. Otherwise 403.
pub fn require_open(place: &Place, opinion: &Opinion) -> AppResult<()> {
    if place.open() && opinion.is_public() {
        Ok(())
    } else {
        Err(AppError::forbidden())
    }
}
