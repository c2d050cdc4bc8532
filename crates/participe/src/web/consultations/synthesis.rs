//! The published synthesis of a consultation step: its tree of groups with
//! their counts and votes, each linking to every item it holds, so that
//! anyone can check that nothing was dropped.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::response::Response;
use participe_domain::permission::Action;
use participe_domain::step::StepType;

use crate::app::AppState;
use crate::storage::{steps, syntheses};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{PathParams, form_response};
use crate::web::render;

#[derive(serde::Serialize)]
struct GroupView<'a> {
    #[serde(flatten)]
    group: &'a syntheses::Group,
    depth: usize,
    items: Vec<&'a syntheses::Item>,
    votes: i64,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams((slug, id)): PathParams<(String, i64)>,
) -> AppResult<Response> {
    let project = crate::web::projects::visible_project(&state, &ctx, &slug).await?;
    let step = steps::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    let manager = ctx.can(Action::ManageProjects);
    if step.project_id != project.id
        || step.step_type != StepType::Consultation.as_str()
        || !(step.published || manager)
    {
        return Err(AppError::not_found());
    }
    let synthesis = syntheses::get(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    if synthesis.published_at.is_none() && !manager {
        return Err(AppError::not_found());
    }
    let groups = syntheses::groups(&state.db, id).await?;
    let items = syntheses::items(&state.db, id).await?;
    let mut by_group: BTreeMap<i64, Vec<&syntheses::Item>> = BTreeMap::new();
    for i in &items {
        if let Some(g) = i.group_id {
            by_group.entry(g).or_default().push(i);
        }
    }
    let mut depth_of: BTreeMap<i64, usize> = BTreeMap::new();
    let tree: Vec<GroupView> = groups
        .iter()
        .map(|g| {
            let depth = g.parent_id.and_then(|p| depth_of.get(&p)).map_or(0, |d| d + 1);
            depth_of.insert(g.id, depth);
            let items = by_group.remove(&g.id).unwrap_or_default();
            let votes = items.iter().map(|i| i.votes).sum();
            GroupView {
                group: g,
                depth,
                items,
                votes,
            }
        })
        .collect();
    let placed = items.iter().filter(|i| i.group_id.is_some()).count();
    let html = render::page(
        &state,
        &ctx,
        "consultations/synthesis.html",
        view! { project, step, synthesis, tree, placed, total => items.len() },
    )
    .await?;
    Ok(form_response(html, false))
}
