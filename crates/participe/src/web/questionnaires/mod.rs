//! A questionnaire or votation step's public pages: the form to reply
//! (reply.rs) and the results (results.rs).

pub mod paper;
pub mod receipts;
pub mod reply;
pub mod results;

use chrono::Utc;
use participe_domain::form::Question;
use participe_domain::permission::Action;
use participe_domain::step::{StepState, StepType, state_at};

use crate::app::AppState;
use crate::storage::projects::{self, Project};
use crate::storage::questionnaires::{self, Questionnaire};
use crate::storage::steps::{self, Step};
use crate::storage::{forms, taxonomy};
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};

/// A questionnaire step, checked visible to the viewer.
pub struct Place {
    pub project: Project,
    pub step: Step,
    pub questionnaire: Questionnaire,
    pub questions: Vec<Question>,
}

impl Place {
    pub fn state(&self) -> StepState {
        state_at(Utc::now(), self.step.starts_at, self.step.ends_at)
    }

    pub fn published(&self) -> bool {
        self.questionnaire.results_published_at.is_some()
    }
}

pub async fn place(state: &AppState, ctx: &Ctx, step_id: i64) -> AppResult<Place> {
    let step = steps::by_id(&state.db, step_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    if step.step_type != StepType::Questionnaire.as_str() || !(step.published || ctx.can(Action::ManageProjects)) {
        return Err(AppError::not_found());
    }
    let project = projects::by_id(&state.db, step.project_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let project = super::projects::check_visible(ctx, project)?;
    let questionnaire = questionnaires::get_or_create(&state.db, step.id).await?;
    let questions = forms::questions(&state.db, questionnaire.form_id).await?;
    Ok(Place {
        project,
        step,
        questionnaire,
        questions,
    })
}

/// The districts a respondent may say they live in (the project's, or all).
pub async fn districts(state: &AppState, project_id: i64) -> AppResult<Vec<taxonomy::Term>> {
    let of_project = taxonomy::of_project(&state.db, taxonomy::Kind::District, project_id).await?;
    Ok(if of_project.is_empty() {
        taxonomy::list(&state.db, taxonomy::Kind::District).await?
    } else {
        of_project
    })
}
