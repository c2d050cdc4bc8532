//! Public realisation follow-up: the section of a proposal's page, and the
//! page of a project's winners with where each realisation stands.

use axum::extract::State;
use axum::response::Html;
use participe_domain::follow_up::RealisationStatus;

use super::context::Ctx;
use super::error::AppResult;
use super::form::PathParams;
use super::projects::visible_project;
use super::render;
use crate::app::AppState;
use crate::storage::realisations::{self, Milestone, News, Realisation};
use crate::view;

/// The follow-up shown on a proposal's page.
#[derive(serde::Serialize)]
pub struct FollowUp {
    pub realisation: Realisation,
    /// By due date.
    pub milestones: Vec<Milestone>,
    /// Newest first.
    pub news: Vec<News>,
}

/// The follow-up of a proposal, if it has one.
pub async fn of_proposal(state: &AppState, proposal_id: i64) -> AppResult<Option<FollowUp>> {
    let Some(realisation) = realisations::get(&state.db, proposal_id).await? else {
        return Ok(None);
    };
    Ok(Some(FollowUp {
        realisation,
        milestones: realisations::milestones(&state.db, proposal_id).await?,
        news: realisations::news(&state.db, proposal_id).await?,
    }))
}

/// Order of the groups on the winners page: what is moving first.
const GROUPS: [RealisationStatus; 4] = [
    RealisationStatus::InProgress,
    RealisationStatus::UnderStudy,
    RealisationStatus::Delivered,
    RealisationStatus::Abandoned,
];

/// Every winner of a project with a follow-up, grouped by status.
pub async fn winners(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(slug): PathParams<String>,
) -> AppResult<Html<String>> {
    let project = visible_project(&state, &ctx, &slug).await?;
    let all = realisations::of_project(&state.db, project.id).await?;
    let total = all.len();
    let groups: Vec<minijinja::Value> = GROUPS
        .iter()
        .map(|status| {
            let items: Vec<minijinja::Value> = all
                .iter()
                .filter(|w| w.status == status.as_str())
                .map(|w| view! { reference => w.reference(), winner => w })
                .collect();
            view! { status => status.as_str(), items }
        })
        .collect();
    render::page(&state, &ctx, "follow_up/winners.html", view! { project, groups, total }).await
}
