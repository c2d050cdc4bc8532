//! Back office: a vote step's identification codes (import a CSV list, see
//! how many were used online and on paper, remove the unused ones).

use axum::extract::{Multipart, State};
use axum::response::Response;
use participe_domain::id_codes;
use participe_domain::permission::Action;

use super::vote::vote_step;
use crate::app::AppState;
use crate::storage::steps::Step;
use crate::storage::{id_codes as store, projects};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{PathParams, form_response, redirect_with_flash};
use crate::web::render;
use crate::web::upload::read_multipart;

async fn page(state: &AppState, ctx: &Ctx, step: &Step, import_errors: Vec<(usize, String)>) -> AppResult<Response> {
    let project = projects::by_id(&state.db, step.project_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let (total, online, paper) = store::counts(&state.db, step.id).await?;
    let failed = !import_errors.is_empty();
    let import_errors: Vec<minijinja::Value> = import_errors
        .into_iter()
        .map(|(line, message)| view! { line, message })
        .collect();
    let html = render::page(
        state,
        ctx,
        "admin/id_codes.html",
        view! { project, step, total, online, paper, unused => total - online - paper, import_errors },
    )
    .await?;
    Ok(form_response(html, failed))
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = vote_step(&state, id).await?;
    page(&state, &ctx, &step, vec![]).await
}

/// Imports a CSV list of codes: all or nothing.
pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    multipart: Multipart,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = vote_step(&state, id).await?;
    let form = read_multipart(multipart).await?;
    let errors = match form.csv_list(&state.i18n, ctx.lang, id_codes::parse_csv) {
        Err(errors) => errors,
        Ok(codes) => {
            let added = store::import(&state.db, step.id, &codes).await?;
            tracing::info!(step = step.id, added, "identification codes imported");
            return Ok(redirect_with_flash(
                &state,
                &format!("/admin/steps/{id}/codes"),
                "flash-id-codes-imported",
            ));
        }
    };
    page(&state, &ctx, &step, errors).await
}

/// Removes the codes nobody used.
pub async fn delete_unused(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = vote_step(&state, id).await?;
    store::delete_unused(&state.db, step.id).await?;
    Ok(redirect_with_flash(
        &state,
        &format!("/admin/steps/{id}/codes"),
        "flash-id-codes-deleted",
    ))
}
